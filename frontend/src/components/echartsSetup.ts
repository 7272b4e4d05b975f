// The ECharts modules the study and meter charts use, registered once, and chart export:
// the chart's option rendered again off screen, with the canvas renderer for PNG and the SVG
// renderer for SVG, so either format comes out whatever the chart on screen uses.
import * as echarts from 'echarts/core'
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts'
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { exportSize, svgDataUrl, type ImageFormat } from '../lib/chartExport'

echarts.use([BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer, SVGRenderer])

export { echarts }

/** A data URL of the chart as PNG (2× pixels) or SVG, on the given background. */
export function chartImage(chart: echarts.ECharts, format: ImageFormat, background: string): string {
  const { width, height } = exportSize(chart.getWidth(), chart.getHeight())
  const div = document.createElement('div')
  const off = echarts.init(div, undefined, { renderer: format === 'svg' ? 'svg' : 'canvas', width, height })
  try {
    const option = chart.getOption() as echarts.EChartsCoreOption
    off.setOption({ ...option, animation: false, backgroundColor: background })
    return format === 'svg' ? svgDataUrl(off.renderToSVGString()) : off.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background })
  } finally {
    // Later, not now: zrender may still have a frame of progressive painting queued (a big
    // heat map), which would find a disposed painter. The image is complete either way.
    window.setTimeout(() => off.dispose(), 2000)
  }
}
