// `import file from './script.ts?iife'`: crxjs builds the script as a self-contained file and gives its name.
/// <reference types="@crxjs/vite-plugin/client" />
