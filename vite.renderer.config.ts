import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer alone, for the web host and the e2e tests (the desktop build uses electron.vite.config.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    // Inlined assets would become data: URLs that the strict CSP (script/style 'self') refuses.
    assetsInlineLimit: 0,
  },
});
