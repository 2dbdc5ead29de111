import vue from '@vitejs/plugin-vue';
import {defineConfig} from 'vite';

export default defineConfig({
  build: {target: 'es2022'},
  // Vue renders <conga-…> tags as custom elements (setting properties such as `session`) instead of components.
  plugins: [vue({template: {compilerOptions: {isCustomElement: (tag) => tag.startsWith('conga-')}}})],
});
