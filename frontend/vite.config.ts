import { defineConfig } from 'vite';

// The Quarkus server (default http://localhost:8080) answers /api and /q; `npm run dev`
// proxies both there so the UI can be developed with hot reload against a running server.
// Point it elsewhere with LOOKALIKE_BACKEND=http://host:port npm run dev.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const backend = env.LOOKALIKE_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/q': { target: backend, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/q': { target: backend, changeOrigin: true },
    },
  },
});
