import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the SPA runs on Vite and the API on its own port; proxying keeps every
// request same-origin, exactly as in production where the API serves the built SPA.
const apiOrigin = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';
const proxied = ['/trpc', '/api', '/auth', '/webhooks', '/health', '/ready'];

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: apiOrigin }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
