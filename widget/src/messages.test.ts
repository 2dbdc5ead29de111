/**
 * Issue 12: the words of every message catalogue agree with the platform's documented labels (PLATFORM.md §5) and
 * with English ("a UI-to-API", never "an UI-to-API").
 */
import {describe, expect, it} from 'vitest';
import {messages} from './messages.js';
import {messages as formMessages} from './components/connection-form/form-messages.js';
import {messages as editMessages} from './components/connection-form/edit-messages.js';
import {bulkMessages} from './components/bulk-actions/bulk-messages.js';
import {toolsMessages} from './components/connection-tools/tools-messages.js';
import {historyMessages} from './components/change-history/change-history.messages.js';
import {statusDialogMessages} from './components/connection-list/status-dialog-messages.js';

const CATALOGUES = {
  messages,
  formMessages,
  bulkMessages,
  toolsMessages,
  historyMessages,
  statusDialogMessages,
  editMessages,
};

/** Sample arguments, so a message that is a function shows its words for each kind of value it may get. */
const SAMPLES: unknown[][] = [
  ['UItoAPI', 'UItoAPI', 'UItoAPI'],
  ['APItoAPI', 'APItoAPI', 'APItoAPI'],
  ['UI to API', 'UI to API', 'UI to API'],
  [true, 2, 2],
  [false, 1, 1],
  ['Name', 3, 'x'],
];

/** Every text a catalogue can produce, strings and function results alike, keyed by where it comes from. */
function allTexts(): [string, string][] {
  const texts: [string, string][] = [];
  const visit = (where: string, value: unknown): void => {
    if (typeof value === 'string') texts.push([where, value]);
    else if (Array.isArray(value)) texts.push([where, value.map(String).join('')]);
    else if (typeof value === 'function') {
      for (const args of SAMPLES) {
        try {
          visit(where, (value as (...args: unknown[]) => unknown)(...args));
        } catch {
          // A sample that doesn't fit this function's parameters; another one will.
        }
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) visit(`${where}.${key}`, inner);
    }
  };
  for (const [name, catalogue] of Object.entries(CATALOGUES)) visit(name, catalogue);
  return texts;
}

describe('message catalogues', () => {
  it('produce texts to check (the walk reached functions too)', () => {
    const texts = allTexts();
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.some(([, text]) => text.includes('already has a UI-to-API connection'))).toBe(true);
  });

  it('never say "an UI-to-API" (or "an UI to API")', () => {
    const wrong = allTexts().filter(([, text]) => /\ban\s+UI\b/i.test(text));
    expect(wrong).toEqual([]);
  });

  it("keep the platform's documented labels", () => {
    expect(messages.addApiToApi).toBe('Add API To API Connection');
    expect(messages.addUiToApi).toBe('Add UI To API Connection');
    expect(formMessages.formTitleCreateApiToApi).toBe('Add API To API Connection');
    expect(formMessages.formSaveCreate).toBe('Save & Generate Client Secret');
    expect(formMessages.formSaveRegenerate).toBe('Save & Regenerate Client Secret');
    expect([messages.typeApiToApi, messages.typeUiToApi]).toEqual(['API to API', 'UI to API']);
  });

  it('say "doesn\'t exist" for a connection that was never there, and tell a UI-to-API creator there is no secret', () => {
    expect(editMessages.formDoesNotExist).toBe("This API connection doesn't exist.");
    expect(toolsMessages.secretTitleClientIdGenerated).toBe('Client ID generated');
    expect(toolsMessages.secretPublicClientNote).toMatch(/^The Client ID was generated\. .*has no client secret/);
  });
});
