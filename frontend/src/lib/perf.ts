/**
 * Named points in time the benchmarks read back (e2e/bench/render-10k.mjs) and any profiler
 * shows: when a study's data reached the page, when its table and charts were drawn.
 */
export function mark(name: string): void {
  try {
    performance.mark(name)
  } catch {
    // a page without the User Timing API: nothing to record
  }
}

/** Marks name once the browser has painted what React just committed (two animation frames). */
export function markAfterPaint(name: string): void {
  if (typeof requestAnimationFrame !== 'function') return mark(name)
  requestAnimationFrame(() => requestAnimationFrame(() => mark(name)))
}
