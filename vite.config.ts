import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from files (Electron's loadFile, or the e2e host): relative asset URLs.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
});
