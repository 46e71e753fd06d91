import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The team console's build (`npm run build` runs it after electron-vite): its own entry
 * (src/console/index.html) into out/console, served by the team server under /console/.
 */
export default defineConfig({
  root: resolve('src/console'),
  base: '/console/',
  publicDir: resolve('src/renderer/public'),
  resolve: {
    alias: {
      '@shared': resolve('src/shared'),
      '@renderer': resolve('src/renderer/src'),
      '@console': resolve('src/console/src'),
    },
  },
  plugins: [react()],
  build: {
    outDir: resolve('out/console'),
    emptyOutDir: true,
    minify: !process.env.DIALDECK_NO_MINIFY,
    // One bundle for a page that signs in and works the inbox: React, Radix and the three languages'
    // texts (about 660 kB, 200 kB gzipped), cached for a year as an immutable hashed asset.
    chunkSizeWarningLimit: 900,
    // No inline module-preload polyfill: the console's CSP allows only the server's own script files.
    modulePreload: { polyfill: false },
  },
});
