import {createBuilder} from 'vite';
const plugin = {
  name: 'a',
  generateBundle(_o, bundle) {
    for (const [name, chunk] of Object.entries(bundle)) {
      if (chunk.type !== 'chunk' || name.includes('lit-external')) continue;
      if (!name.includes('shared')) {
        console.log(name, 'dyn:', chunk.dynamicImports.join(' '), 'imp:', chunk.imports.join(' '));
        continue;
      }
      console.log(
        '==',
        name,
        Object.keys(chunk.modules)
          .map((id) => id.replace(/.*\/(widget|packages|node_modules)\//, '$1/'))
          .join('\n'),
      );
    }
  },
};
const builder = await createBuilder({
  configFile: process.cwd() + '/vite.config.ts',
  mode: 'widget-js',
  logLevel: 'warn',
  build: {outDir: '/tmp/speed-an'},
  plugins: [plugin],
});
await builder.build(builder.environments.client);
