import { useEffect, useState } from 'react'

// Chromium and WebView2 announce dragged files as "Files"; WebKitGTK announces a drag from a
// file manager as a URI list.
const FILE_TYPES = ['Files', 'text/uri-list', 'application/x-moz-file']

export function isFileDrag(types: readonly string[] | DOMStringList | null | undefined): boolean {
  if (!types) return false
  return Array.from(types as ArrayLike<string>).some((t) => FILE_TYPES.includes(t))
}

function hasFiles(e: DragEvent): boolean {
  return isFileDrag(e.dataTransfer?.types)
}

/**
 * Tracks whether files are being dragged over the window, and makes sure a drop never
 * navigates the webview away. The import itself happens on the Go side (its OnFileDrop
 * handler imports and emits import:done), so nothing here reads the dropped files.
 */
export function useFileDrag(): boolean {
  const [dragging, setDragging] = useState(false)

  useEffect(() => {
    let depth = 0
    // Accepting every dragover (and saying "copy", the only effect a file manager allows) makes
    // the webview hand the drop to the page instead of opening the dropped file in its place.
    const onOver = (e: DragEvent) => {
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
      if (hasFiles(e) && depth === 0) {
        depth = 1
        setDragging(true)
      }
    }
    const onDrop = (e: DragEvent) => {
      e.preventDefault()
      depth = 0
      setDragging(false)
    }
    const onEnter = (e: DragEvent) => {
      e.preventDefault()
      if (!hasFiles(e)) return
      depth++
      setDragging(true)
    }
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    // A page gets no mouse moves during a drag: one means the drag is over, however it ended.
    const onEnd = () => {
      if (depth === 0) return
      depth = 0
      setDragging(false)
    }
    window.addEventListener('dragover', onOver, true)
    window.addEventListener('drop', onDrop, true)
    window.addEventListener('dragenter', onEnter, true)
    window.addEventListener('dragleave', onLeave, true)
    window.addEventListener('dragend', onEnd, true)
    window.addEventListener('mousemove', onEnd, true)
    window.addEventListener('blur', onEnd)
    return () => {
      window.removeEventListener('dragover', onOver, true)
      window.removeEventListener('drop', onDrop, true)
      window.removeEventListener('dragenter', onEnter, true)
      window.removeEventListener('dragleave', onLeave, true)
      window.removeEventListener('dragend', onEnd, true)
      window.removeEventListener('mousemove', onEnd, true)
      window.removeEventListener('blur', onEnd)
    }
  }, [])

  return dragging
}
