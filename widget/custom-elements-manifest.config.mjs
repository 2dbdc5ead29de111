// @ts-check
/**
 * Configuration of `npm run manifest` (the analyzer reads the globs, `--litelement` and `--outdir` from the command).
 * Our elements register through `define('conga-…', Class)` (src/define.ts), which tolerates a second copy of the
 * bundle, rather than `customElements.define()`: the plugin below teaches the analyzer that call, so the manifest
 * names each element's tag.
 */

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function congaDefineCalls() {
  return {
    name: 'conga-define-calls',
    analyzePhase({ts, node, moduleDoc}) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: {name: element.text, module: moduleDoc.path},
        },
      ];
    },
  };
}

/**
 * Modules in path order: the analyzer lists them in the order the file system returns them, which differs between
 * checkouts, and the committed manifest must be the same wherever `npm run manifest` runs.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function sortedModules() {
  return {
    name: 'conga-sorted-modules',
    packageLinkPhase({customElementsManifest}) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * Events named in the element headers only. The analyzer also lists each `dispatchEvent(new XEvent(…))` it finds, without
 * a name (our event classes keep their name in a static field it can't read): those nameless entries would become
 * `onundefined` in every generated framework typing (issue 14), and the header already names and types each event.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function namedEventsOnly() {
  return {
    name: 'conga-named-events-only',
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if ('events' in declaration && declaration.events) {
            declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      }
    },
  };
}

export default {
  // The manifest is referenced from widget/package.json; the root package.json is not the element's package.
  packagejson: false,
  plugins: [congaDefineCalls(), sortedModules(), namedEventsOnly()],
};
