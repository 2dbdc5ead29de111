/**
 * A build step of the widget library: the static text of Lit's `html`, `svg` and `css` templates, compacted. A minifier
 * must leave template literals as written, so the indentation of every template and style sheet shipped as is: about
 * 3 KB of the main module (issue 17 needed that room for @lit/localize within issue 7's 30 KB).
 *
 * What changes is only what the browser ignores anyway:
 * - `html`/`svg`: a run of whitespace that holds a line break becomes one space (HTML collapses it to one when it
 *   renders; none of the element's templates has `<pre>` text or a white-space: pre style on written text);
 * - `css`: comments go, whitespace runs become one space, the spaces next to `{ } ; , >` and after `:` go, and so do
 *   a rule's last semicolon and the sheet's leading and trailing space.
 * The templates are found with TypeScript's parser, never with a pattern, so strings, comments and expressions inside
 * `${…}` are left alone (nested templates in expressions are compacted too: they are nodes of their own).
 */
import ts from 'typescript';
import type {Plugin} from 'vite';

const TAGS = new Set(['html', 'svg', 'css']);

function compactMarkup(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function compactCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/** The source with every tagged template's static parts compacted (unchanged when it has none). */
export function compactTemplates(source: string, fileName = 'module.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: {start: number; end: number; text: string}[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const compact = node.tag.text === 'css' ? compactCss : compactMarkup;
      const template = node.template;
      // Each literal part, without its delimiters: ` … ` or ` … ${, } … ${, } … `.
      const parts: ts.Node[] = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      parts.forEach((part, index) => {
        const start = part.getStart(file) + 1;
        const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
        const text = source.slice(start, end);
        let compacted = compact(text);
        if (node.tag.getText(file) === 'css') {
          if (index === 0) compacted = compacted.trimStart();
          if (index === parts.length - 1) compacted = compacted.trimEnd();
        }
        if (compacted !== text) edits.push({start, end, text: compacted});
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/**
 * The Vite plugin: compacts the widget's own sources before they are compiled, and drops the `@__PURE__` notes the
 * minifier leaves in the output: they help a bundler drop unused code, and this module defines its elements on
 * import, so there is none to drop.
 */
export function compactTemplatesPlugin(include: RegExp): Plugin {
  return {
    name: 'conga:compact-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!include.test(id) || !id.endsWith('.ts')) return null;
      const compacted = compactTemplates(code, id);
      return compacted === code ? null : {code: compacted, map: null};
    },
    // After minifying, which is what writes them.
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') file.code = file.code.replace(/\/\* @__PURE__ \*\/\s?/g, '');
      }
    },
  };
}
