import { useEffect, useRef, useState, type ReactNode } from 'react'
import { saveChartImage } from '../bridge'
import { chartFileName, type ImageFormat } from '../lib/chartExport'
import { errorMessage } from '../lib/format'
import { mark } from '../lib/perf'
import { chartImage, echarts } from './echartsSetup'

export interface ChartClick {
  seriesIndex: number
  dataIndex: number
}

interface Props {
  option: echarts.EChartsCoreOption
  height: number
  /** names the exported file and labels the chart for screen readers */
  title: string
  /** the page background, painted behind exported images */
  background: string
  /** canvas for many marks (scatter of thousands, 8760-cell heat map); svg stays sharp for few */
  renderer?: 'canvas' | 'svg'
  onClick?: (c: ChartClick) => void
  /** a click anywhere over the plot: the index of the x-axis category under it (a day of a line without symbols) */
  onCategoryClick?: (index: number) => void
  /** controls shown in the chart's toolbar, before Export */
  tools?: ReactNode
  testId?: string
  /** a performance mark set each time ECharts has drawn the option (the benchmarks read it) */
  drawnMark?: string
}

/** An ECharts chart that follows its container's size, with a PNG / SVG export menu. */
export function EChart({ option, height, title, background, renderer = 'canvas', onClick, onCategoryClick, tools, testId, drawnMark: drawn }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const click = useRef(onClick)
  click.current = onClick
  const categoryClick = useRef(onCategoryClick)
  categoryClick.current = onCategoryClick
  const drawnMark = useRef(drawn)
  drawnMark.current = drawn

  useEffect(() => {
    const el = ref.current
    if (!el) return
    const c = echarts.init(el, undefined, { renderer })
    chart.current = c
    c.on('click', (p) => {
      const { seriesIndex, dataIndex } = p as { seriesIndex?: number; dataIndex?: number }
      // After ECharts has finished with the event: the new selection redraws the chart, which
      // must not happen while ECharts still handles the click on the old data.
      if (seriesIndex !== undefined && dataIndex !== undefined) window.setTimeout(() => click.current?.({ seriesIndex, dataIndex }), 0)
    })
    // The whole plot area, not only the line: a line of 365 days is too thin to hit.
    c.getZr().on('click', (e) => {
      if (!categoryClick.current || !c.containPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY])) return
      // The grid's [x, y] values; on a category axis x is the category's index.
      const [x] = c.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]) as number[]
      if (Number.isFinite(x)) window.setTimeout(() => categoryClick.current?.(Math.round(x)), 0)
    })
    // ECharts draws asynchronously: 'finished' is when a new option is on screen, its entry
    // animation done. data-drawn says so to anyone who waits for the chart (the e2e tests).
    c.on('finished', () => {
      el.dataset.drawn = 'true'
      if (drawnMark.current) mark(drawnMark.current)
    })
    const ro = new ResizeObserver(() => c.resize())
    ro.observe(el)
    return () => {
      ro.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [renderer])

  useEffect(() => {
    // Series are replaced (a fuel that went away must go from the chart too), matched by name so
    // that the hovered series keeps its model; the rest of the option merges.
    if (!chart.current) return
    if (ref.current) ref.current.dataset.drawn = 'false'
    chart.current.setOption(option, { replaceMerge: ['series'] })
  }, [option, renderer])

  useEffect(() => {
    chart.current?.resize()
  }, [height])

  return (
    <div className="echart-wrap">
      {/* Above the plot, never over it: an overlaid button hid the cells beneath it. */}
      <div className="echart-toolbar" data-testid={testId ? `${testId}-toolbar` : undefined}>
        {tools}
        <ExportMenu title={title} render={(f) => (chart.current ? chartImage(chart.current, f, background) : null)} testId={testId} />
      </div>
      <div ref={ref} className={`echart${onCategoryClick ? ' echart-clickable' : ''}`} style={{ height }} data-testid={testId} data-drawn="false" role="img" aria-label={title} />
    </div>
  )
}

function ExportMenu({ title, render, testId }: { title: string; render: (f: ImageFormat) => string | null; testId?: string }) {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null)
  const save = async (f: ImageFormat) => {
    setOpen(false)
    setNote(null)
    try {
      const url = render(f)
      if (!url) return
      const path = await saveChartImage(chartFileName(title, f), url)
      if (path) setNote({ ok: true, text: `Saved ${path}` })
    } catch (e) {
      setNote({ ok: false, text: errorMessage(e) })
    }
  }
  return (
    <div className="chart-export">
      {note ? (
        <span className={note.ok ? 'subtle small' : 'field-error small'} role="status" data-testid={testId ? `${testId}-export-note` : undefined}>
          {note.text}
        </span>
      ) : null}
      <button type="button" className="btn btn-small" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((o) => !o)} data-testid={testId ? `${testId}-export` : undefined}>
        Export ▾
      </button>
      {open ? (
        <div className="chooser-popover chart-export-menu" role="menu">
          {(['png', 'svg'] as const).map((f) => (
            <button key={f} type="button" role="menuitem" className="btn-link" onClick={() => void save(f)} data-testid={testId ? `${testId}-export-${f}` : undefined}>
              {f.toUpperCase()} image…
            </button>
          ))}
        </div>
      ) : null}
    </div>
  )
}
