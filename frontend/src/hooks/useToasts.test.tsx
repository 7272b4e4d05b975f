import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useToasts } from './useToasts'

describe('useToasts', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('closes info and success toasts by themselves after a few seconds; errors stay until closed', () => {
    const { result } = renderHook(() => useToasts())
    act(() => result.current.push({ kind: 'success', title: 'Imported', message: '1 model' }, { kind: 'error', title: 'Could not import x.idf', message: 'bad' }, { kind: 'info', title: 'Queued', message: '' }))
    expect(result.current.toasts.map((t) => t.title)).toEqual(['Imported', 'Could not import x.idf', 'Queued'])
    act(() => vi.advanceTimersByTime(5_000))
    expect(result.current.toasts).toHaveLength(3)
    act(() => vi.advanceTimersByTime(1_500))
    expect(result.current.toasts.map((t) => t.title)).toEqual(['Could not import x.idf'])
    act(() => vi.advanceTimersByTime(60_000))
    expect(result.current.toasts).toHaveLength(1)
    act(() => result.current.dismiss(result.current.toasts[0].id))
    expect(result.current.toasts).toHaveLength(0)
  })

  it('a toast closed by hand does not close another later', () => {
    const { result } = renderHook(() => useToasts())
    act(() => result.current.push({ kind: 'info', title: 'first', message: '' }))
    act(() => result.current.dismiss(result.current.toasts[0].id))
    act(() => vi.advanceTimersByTime(3_000))
    act(() => result.current.push({ kind: 'info', title: 'second', message: '' }))
    act(() => vi.advanceTimersByTime(4_000))
    expect(result.current.toasts.map((t) => t.title)).toEqual(['second'])
  })
})
