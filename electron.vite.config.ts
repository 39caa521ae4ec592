import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import renderer from './vite.renderer.config';

const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The desktop build: main (+ the workstation's utility process), the two sandboxed preloads, and the renderer
 * with the same options as the browser build (vite.renderer.config.ts), so both ship the same UI.
 */
export default defineConfig({
  main: {
    build: {
      outDir: path('./out/main'),
      minify: true,
      rolldownOptions: {
        input: {
          index: path('./electron/main/index.ts'),
          'workstation-process': path('./electron/main/workstation-process.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: path('./out/preload'),
      minify: true,
      // A sandboxed preload can require nothing but 'electron': bundle everything, and give each preload its
      // own self-contained file instead of a shared chunk it could not load.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: {
          operator: path('./electron/preload/operator.ts'),
          wall: path('./electron/preload/wall.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    root: path('./src/renderer'),
    build: {
      ...renderer.build,
      outDir: path('./out/renderer'),
      minify: true,
      rolldownOptions: { input: path('./src/renderer/index.html') },
    },
  },
});
