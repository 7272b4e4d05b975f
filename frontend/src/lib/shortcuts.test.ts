import { describe, expect, it } from 'vitest'
import { deduper, shortcutFor, type KeyLike } from './shortcuts'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('shortcutFor', () => {
  it.each([
    [key('o', { ctrlKey: true }), false, 'import-files'],
    [key('O', { ctrlKey: true, shiftKey: true }), false, 'import-study'],
    [key('e', { ctrlKey: true }), false, 'export-results'],
    [key('E', { ctrlKey: true, shiftKey: true }), false, 'export-study'],
    [key('3', { ctrlKey: true }), false, 'screen-studies'],
    [key(',', { ctrlKey: true }), false, 'settings'],
    [key('F1'), false, 'about'],
    [key('o', { metaKey: true }), true, 'import-files'],
    [key('o', { ctrlKey: true }), true, null], // Ctrl+O is not Cmd+O on a Mac
    [key('o', { metaKey: true }), false, null],
    [key('o'), false, null], // typing an o
    [key('e', { ctrlKey: true, altKey: true }), false, null], // AltGr combinations type characters
  ] as const)('%o (mac %s) → %s', (e, mac, want) => {
    expect(shortcutFor(e, mac)).toBe(want)
  })
})

describe('deduper', () => {
  it('drops the second of a menu event and a key press for the same action', () => {
    const ok = deduper(400)
    expect(ok('export-results', 1000)).toBe(true)
    expect(ok('export-results', 1100)).toBe(false)
    expect(ok('export-results', 1600)).toBe(true)
    expect(ok('about', 1650)).toBe(true)
  })
})
