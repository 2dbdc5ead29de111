import {describe, expect, it} from 'vitest';
import {safeHelpUrl} from './guidance.js';

describe('safeHelpUrl', () => {
  it('keeps absolute https and http URLs', () => {
    expect(safeHelpUrl('https://documentation.conga.com/adding-users')).toBe(
      'https://documentation.conga.com/adding-users',
    );
    expect(safeHelpUrl('http://127.0.0.1:5173/help')).toBe('http://127.0.0.1:5173/help');
  });

  it.each([undefined, '', 'adding-users.html', 'javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.example'])(
    'gives no link for %j',
    (value) => {
      expect(safeHelpUrl(value)).toBeUndefined();
    },
  );
});
