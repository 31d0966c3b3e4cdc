import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The desktop shell loads the built files from disk, so asset paths must be relative; the dev
// server port is fixed because the shell's devUrl points at it.
export default defineConfig({
  plugins: [react()],
  base: './',
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { outDir: 'dist', target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
  },
});
