/**
 * Issue 17: every visible string comes from a catalogue. Scans the element's and the extension's sources with the
 * TypeScript compiler API for English outside the catalogues: words in the text of `html` templates, literal values
 * of the attributes people read (aria-label, title, placeholder, alt, …), and literal announcements.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Catalogues: where the strings belong. */
const CATALOGUE = /(?:^|\/)(?:messages|[a-z-]+-messages|[a-z-]+\.messages|text)\.ts$/;

/** Attributes whose values people read or hear, with a literal value (a bound one is `\0` here). */
const READ_ATTRIBUTE =
  /\b(?:aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g;

/** A word: two letters or more (symbols, digits and single letters are not language). */
const WORD = /\p{L}{2,}/u;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.test\.ts$|\.d\.ts$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((path) => !path.includes('/generated/') && !CATALOGUE.test(path));
}

/** The English a template shows: words in its text between tags, and in read attributes' literal values. */
function templateFindings(template: ts.TemplateLiteral): string[] {
  const strings = ts.isNoSubstitutionTemplateLiteral(template)
    ? [template.text]
    : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
  // Each interpolation becomes \0: it separates text, and it is no word.
  const source = strings.join('\0').replace(/<!--.*?-->/gs, '');
  const findings: string[] = [];
  let last = 0;
  for (const tag of source.matchAll(/<[^>]*>/g)) {
    findings.push(...textFindings(source.slice(last, tag.index)));
    for (const match of tag[0].matchAll(READ_ATTRIBUTE)) {
      const value = match[1] ?? match[2] ?? match[3] ?? '';
      if (textFindings(value).length) findings.push(match[0]);
    }
    last = tag.index + tag[0].length;
  }
  findings.push(...textFindings(source.slice(last)));
  return findings;
}

function textFindings(text: string): string[] {
  return text
    .split('\0')
    .map((part) => part.trim())
    .filter((part) => WORD.test(part));
}

/** A string literal with words, passed to an announcement. */
function announcementFindings(call: ts.CallExpression | ts.NewExpression): string[] {
  const callee = call.expression.getText();
  if (!/announce|AnnounceEvent/i.test(callee)) return [];
  return (call.arguments ?? [])
    .filter((argument) => ts.isStringLiteralLike(argument) && WORD.test(argument.text) && /\s/.test(argument.text))
    .map((argument) => `${callee}(${argument.getText()})`);
}

function findings(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'html') {
      const {line} = file.getLineAndCharacterOfPosition(node.getStart());
      found.push(...templateFindings(node.template).map((text) => `${path}:${line + 1}: ${JSON.stringify(text)}`));
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const {line} = file.getLineAndCharacterOfPosition(node.getStart());
      found.push(...announcementFindings(node).map((text) => `${path}:${line + 1}: ${text}`));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('visible text', () => {
  const files = [...sources('widget/src'), ...sources('extension/src')];

  it('is scanned in every source of the element and the extension pages', () => {
    expect(files).toContain('widget/src/components/api-connections/api-connections.ts');
    expect(files).toContain('extension/src/options/options-page.ts');
    expect(files.some((path) => CATALOGUE.test(path))).toBe(false);
  });

  it('comes from a catalogue: no English in templates, read attributes or announcements', () => {
    expect(files.flatMap(findings)).toEqual([]);
  });

  it('is found where it bypasses the catalogue (the scan itself)', () => {
    const template = (source: string) => {
      const file = ts.createSourceFile('t.ts', source, ts.ScriptTarget.Latest, true);
      const statement = file.statements[0] as ts.ExpressionStatement;
      return templateFindings((statement.expression as ts.TaggedTemplateExpression).template);
    };
    expect(template('html`<p>Saved ${name}</p>`')).toEqual(['Saved']);
    expect(template('html`<button aria-label="Close dialog">×</button>`')).toEqual(['aria-label="Close dialog"']);
    expect(template('html`<input placeholder=${messages.search} title="${messages.hint}">`')).toEqual([]);
    expect(template('html`<p>${messages.saved}</p><!-- a comment in English -->`')).toEqual([]);
  });
});

/** Physical sides in CSS: right to left (Arabic) mirrors the layout only through logical properties. */
const PHYSICAL_SIDE =
  /\b(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b|(?:^|[\s;{])(?:left|right)\s*:|\b(?:text-align|float|clear)\s*:\s*(?:left|right)\b|\bborder-(?:top|bottom)-(?:left|right)-radius\b/m;

describe('styles', () => {
  const files = [...sources('widget/src'), ...sources('extension/src')];

  it('name no left or right: inline-start and inline-end instead', () => {
    const found = files.flatMap((path) => {
      const file = ts.createSourceFile(path, readFileSync(join(root, path), 'utf8'), ts.ScriptTarget.Latest, true);
      const hits: string[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'css') {
          const match = PHYSICAL_SIDE.exec(node.template.getText());
          if (match) hits.push(`${path}: ${match[0].trim()}`);
        } else if (ts.isStringLiteralLike(node) && path.endsWith('drawer.ts')) {
          // The drawer's styles are a string (it styles a page the extension doesn't own).
          const match = PHYSICAL_SIDE.exec(node.text);
          if (match) hits.push(`${path}: ${match[0].trim()}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      return hits;
    });
    expect(found).toEqual([]);
  });

  it('finds a physical side (the scan itself)', () => {
    for (const rule of ['margin-left: 0', 'padding-right: 1px', 'left: 0', 'text-align: right', 'top: 0; right: 2px']) {
      expect(PHYSICAL_SIDE.test(rule), rule).toBe(true);
    }
    for (const rule of [
      'margin-inline-start: 0',
      'inset-inline-end: 0',
      'text-align: start',
      'border-left-color'.replace('left', 'inline-start'),
    ]) {
      expect(PHYSICAL_SIDE.test(rule), rule).toBe(false);
    }
  });
});
