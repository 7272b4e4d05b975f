import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Wails embeds dist/ into the binary and runs `npm run dev` for `wails dev`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // The end-use chart's chunk (echarts/core + zrender, loaded on demand) is about 520 kB.
    chunkSizeWarningLimit: 600,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
