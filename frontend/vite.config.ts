import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Wails embeds dist/ into the binary and runs `npm run dev` for `wails dev`.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // The charts' chunk (echarts/core + zrender with both renderers, scatter, heat map, data zoom
    // and visual map; loaded on demand) is about 650 kB.
    chunkSizeWarningLimit: 700,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
  },
  test: {
    projects: [
      // lib, hooks and bridge: plain TypeScript
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      // components, rendered in jsdom and queried the way a user sees them (Testing Library)
      { extends: true, test: { name: 'components', include: ['src/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['src/components/test/setup.ts'] } },
    ],
  },
})
