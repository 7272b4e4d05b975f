import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

/**
 * A table's rows drawn only where they are seen (thousands of runs or variants scroll), the
 * padding above and below that keeps the scroll bar true, and the selected row kept in view
 * when it was chosen elsewhere (a chart, an error link). rowHeight is an estimate: drawn rows
 * are measured.
 */
export function useVirtualRows(rows: Array<{ id: string }>, rowHeight: number, selectedIndex: number) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (i) => rows[i]?.id ?? i,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const padTop = items.length ? items[0].start : 0
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0
  const scrollTo = useRef(virtualizer.scrollToIndex)
  scrollTo.current = virtualizer.scrollToIndex
  useEffect(() => {
    if (selectedIndex >= 0) scrollTo.current(selectedIndex, { align: 'auto' })
  }, [selectedIndex])
  return { scrollRef, items, padTop, padBottom, measure: virtualizer.measureElement }
}
