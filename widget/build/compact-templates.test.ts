import {describe, expect, it} from 'vitest';
import {compactTemplates} from './compact-templates.js';

describe('compactTemplates', () => {
  it("collapses a markup template's line breaks and indentation to one space, around its expressions too", () => {
    const source = 'const t = html`<p\n    class="a"\n  >\n    ${name}\n  </p>`;';
    expect(compactTemplates(source)).toBe('const t = html`<p class="a" > ${name} </p>`;');
  });

  it('keeps spaces without a line break, and what is not a Lit template', () => {
    const source = 'const a = html`<b>x</b> <i>y</i>`; const b = `\n  kept\n`; const c = "html`\n  x`";';
    expect(compactTemplates(source)).toBe(source);
  });

  it('compacts a style sheet: comments, whitespace, spaces beside braces, semicolons, commas and colons, last semicolons', () => {
    const source =
      'const s = css`\n  /* why */\n  :host,\n  .a > .b {\n    margin: 0 ${gap};\n    width: calc(1rem + 2px);\n  }\n`;';
    expect(compactTemplates(source)).toBe('const s = css`:host,.a>.b{margin:0 ${gap};width:calc(1rem + 2px)}`;');
  });

  it('compacts templates nested in expressions, and leaves the expressions themselves alone', () => {
    const source = 'html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`';
    expect(compactTemplates(source)).toBe('html`<ul> ${items.map((i) => html`<li> ${i} </li>`)} </ul>`');
  });
});
