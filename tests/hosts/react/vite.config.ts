import {defineConfig} from 'vite';

// No framework plugin: Vite compiles TSX with React's automatic runtime by itself.
export default defineConfig({
  build: {target: 'es2022'},
  oxc: {jsx: {runtime: 'automatic'}},
});
