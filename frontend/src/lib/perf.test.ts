import { afterEach, describe, expect, it, vi } from 'vitest'
import { mark, markAfterPaint } from './perf'

describe('perf marks', () => {
  afterEach(() => {
    performance.clearMarks()
    vi.unstubAllGlobals()
  })
  it('records a named mark the benchmark can read back', () => {
    mark('study:data')
    expect(performance.getEntriesByName('study:data', 'mark')).toHaveLength(1)
  })
  it('marks after two animation frames, when what React committed is painted', () => {
    const frames: FrameRequestCallback[] = []
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb))
    markAfterPaint('study-table:drawn')
    expect(performance.getEntriesByName('study-table:drawn')).toHaveLength(0)
    frames.shift()!(0)
    expect(performance.getEntriesByName('study-table:drawn')).toHaveLength(0)
    frames.shift()!(0)
    expect(performance.getEntriesByName('study-table:drawn')).toHaveLength(1)
  })
})
