import { describe, expect, it } from 'vitest'
import { isFileDrag } from './useFileDrag'

describe('isFileDrag', () => {
  it.each([
    [['Files'], true], // Chromium, WebView2
    [['text/uri-list', 'text/html'], true], // WebKitGTK, from a file manager
    [['application/x-moz-file'], true],
    [['text/plain'], false], // a text selection
    [[], false],
    [null, false],
  ])('%o -> %s', (types, want) => expect(isFileDrag(types)).toBe(want))
})
