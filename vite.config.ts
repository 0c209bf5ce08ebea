import { defineConfig } from 'vite';

/**
 * One self-contained IIFE bundle, `dist/kap-chat.js`, with the default knowledge inside.
 * Tests are configured in vitest.config.ts.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'widget/embed/main.ts',
      name: 'KapChatBundle',
      formats: ['iife'],
      fileName: () => 'kap-chat.js',
    },
  },
});
