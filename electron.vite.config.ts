import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { cspMetaPlugin } from './src/main/csp-meta';

const shared = { '@shared': resolve('src/shared') };

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli/index.ts'),
          // The import threads (src/main/core/imports/worker/threads.ts finds it next to these).
          'import-worker': resolve('src/main/core/imports/worker/entry.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: { alias: { ...shared, '@renderer': resolve('src/renderer/src') } },
    // The page's meta policy comes from the hosts' own policy function (src/main/security.ts).
    plugins: [react(), cspMetaPlugin()],
    build: {
      // Minified, the workspace parses faster: part of the lead list's first-paint budget.
      // DIALDECK_NO_MINIFY=1 keeps function names, for reading a CPU profile (bench: DIALDECK_BENCH_PROFILE).
      minify: !process.env.DIALDECK_NO_MINIFY,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
