import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { EndUse } from '../bridge'
import { buildEndUseOption, darkChartTheme, endUseTable, lightChartTheme } from '../lib/endUses'
import { usePrefersDark } from '../hooks/usePrefersDark'

// Only what the stacked bar chart needs, to keep the bundle small. SVG stays sharp at any
// display scaling and leaves the labels in the DOM.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export function EndUseChart({ endUses }: { endUses: EndUse[] | null | undefined }) {
  const rows = endUseTable(endUses).endUses.length
  if (rows === 0) {
    return (
      <p className="subtle" data-testid="end-use-chart-empty">
        This run reported no energy end uses.
      </p>
    )
  }
  return <Chart endUses={endUses} rows={rows} />
}

function Chart({ endUses, rows }: { endUses: EndUse[] | null | undefined; rows: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const dark = usePrefersDark()
  const height = Math.max(180, 70 + rows * 34)

  useEffect(() => {
    const el = ref.current
    if (!el) return
    const c = echarts.init(el, undefined, { renderer: 'svg' })
    chart.current = c
    const ro = new ResizeObserver(() => c.resize())
    ro.observe(el)
    return () => {
      ro.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(buildEndUseOption(endUses, dark ? darkChartTheme : lightChartTheme), true)
    chart.current?.resize()
  }, [endUses, dark, height])

  return (
    <figure className="end-use-figure">
      <figcaption>End uses by fuel</figcaption>
      <div ref={ref} className="end-use-chart" style={{ height }} data-testid="end-use-chart" role="img" aria-label="Stacked bar chart of energy end uses by fuel" />
    </figure>
  )
}
