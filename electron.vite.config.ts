import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

/** One bundler config for the three Electron targets; the CLI rides along in the main build. */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          cli: resolve(root, 'server/cli/main.ts'),
          coreProcess: resolve(root, 'server/core/coreProcess.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [
      react(),
      // electron-vite forces base './'; the core serves deep links like /pad/<id>, so assets must be absolute.
      { name: 'mitschrift:absolute-base', enforce: 'post', config: () => ({ base: '/' }) },
    ],
    build: {
      // Participants join from ordinary browsers, not only Electron's Chromium.
      target: 'es2022',
      minify: true,
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: {
        input: {
          index: resolve(root, 'renderer/index.html'),
          sketchBench: resolve(root, 'renderer/sketch-bench.html'),
        },
      },
    },
  },
});
