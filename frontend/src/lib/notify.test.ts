import { describe, expect, it, vi } from 'vitest'
import type { BatchSummary } from '../bridge/types'
import { deliver, finishedText, inBackground, newlyFinished, type NotifyDeps, type Permission } from './notify'

function batch(id: number, finished: number, total: number, failed = 0, name = `b${id}`): BatchSummary {
  return { batch: { id, name }, finished, total, failed, cached: 0 } as unknown as BatchSummary
}

describe('newlyFinished', () => {
  it('reports a batch that was running and is done now, once', () => {
    let seen = new Map<number, boolean>()
    ;({ seen } = newlyFinished(seen, [batch(1, 1, 4)]))
    let r = newlyFinished(seen, [batch(1, 4, 4)])
    expect(r.finished.map((b) => b.batch.id)).toEqual([1])
    r = newlyFinished(r.seen, [batch(1, 4, 4)])
    expect(r.finished).toEqual([])
  })
  it('does not report batches already done when the app opens', () => {
    expect(newlyFinished(new Map(), [batch(1, 4, 4), batch(2, 0, 0)]).finished).toEqual([])
  })
  it('a re-run of failed runs makes the batch unfinished again, then news again', () => {
    let r = newlyFinished(new Map([[1, true]]), [batch(1, 3, 4)])
    r = newlyFinished(r.seen, [batch(1, 4, 4)])
    expect(r.finished).toHaveLength(1)
  })
})

describe('inBackground', () => {
  it('is true for a hidden page or a window without focus', () => {
    expect(inBackground({ hidden: true, hasFocus: () => true })).toBe(true)
    expect(inBackground({ hidden: false, hasFocus: () => false })).toBe(true)
    expect(inBackground({ hidden: false, hasFocus: () => true })).toBe(false)
  })
})

describe('finishedText', () => {
  it('names the batch and counts failures', () => {
    expect(finishedText(batch(3, 4, 4, 1, 'Roof study'))).toEqual({ title: 'Roof study finished with failures', body: '4 runs: 3 succeeded, 1 failed or cancelled.' })
    expect(finishedText(batch(3, 2, 2, 0, ''))).toEqual({ title: 'Batch #3 finished', body: '2 runs: 2 succeeded.' })
  })
})

function deps(permission: Permission, desktop: 'ok' | 'fail', answer: Permission = 'denied'): NotifyDeps & { page: ReturnType<typeof vi.fn>; asked: ReturnType<typeof vi.fn> } {
  let p = permission
  const page = vi.fn()
  const asked = vi.fn(async () => {
    p = answer
    return answer
  })
  return {
    page,
    asked,
    permission: () => p,
    requestPermission: asked,
    showPage: page,
    showDesktop: desktop === 'ok' ? async () => {} : async () => Promise.reject(new Error('no D-Bus')),
  }
}

describe('deliver', () => {
  const t = { title: 'x', body: 'y' }
  it('uses the page API when it is granted (WebView2, WKWebView, a browser)', async () => {
    const d = deps('granted', 'ok')
    expect(await deliver(t, d)).toBe('page')
    expect(d.page).toHaveBeenCalledWith(t)
  })
  it('uses the Go side when the page is not granted (WebKitGTK never grants it)', async () => {
    const d = deps('default', 'ok')
    expect(await deliver(t, d)).toBe('desktop')
    expect(d.asked).not.toHaveBeenCalled()
  })
  it('asks the page once when the Go side cannot notify', async () => {
    const d = deps('default', 'fail', 'granted')
    expect(await deliver(t, d)).toBe('page')
    expect(d.asked).toHaveBeenCalledTimes(1)
  })
  it('gives up quietly when everything is denied', async () => {
    const d = deps('denied', 'fail')
    expect(await deliver(t, d)).toBeNull()
    expect(d.asked).not.toHaveBeenCalled()
    expect(d.page).not.toHaveBeenCalled()
  })
})
