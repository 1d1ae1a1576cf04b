import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

/** One bundler config for the three Electron targets; the CLI and the import worker ride along in the main build. */
export default defineConfig(({ mode }) => {
  /** Whether to build the test and benchmark pages too (`npm run build:test`, mode `test-pages`; never for the shipped app). */
  const withTestPages = mode === 'test-pages';
  return {
    main: {
      build: {
        outDir: 'out/main',
        rollupOptions: {
          input: {
            index: resolve(root, 'electron/main/index.ts'),
            cli: resolve(root, 'server/cli/main.ts'),
            // Imports run in worker threads (server/imports/importPool.ts finds this file beside the entries).
            importWorker: resolve(root, 'server/imports/importWorker.ts'),
            // Documentation bundles are made in worker threads too (server/bundle/bundleThread.ts).
            bundleWorker: resolve(root, 'server/bundle/bundleWorker.ts'),
            // The core as its own process (for the desktop shell's utilityProcess; see server/core/coreProcess.ts).
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
            // The standalone engine page (canvas benchmark with stock fabric.js as baseline, e2e tests)
            // is built only for tests and benchmarks (`npm run build:test`), never into the shipped app.
            ...(withTestPages ? { sketchBench: resolve(root, 'renderer/sketch-bench.html') } : {}),
          },
        },
      },
    },
  };
});
