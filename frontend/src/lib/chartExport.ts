// Chart export: file names and the data URLs the Go side writes (SaveChartImage).

export type ImageFormat = 'png' | 'svg'

/** A file name from a chart's title: "Scatter – life-cycle carbon × cost" -> "scatter-life-cycle-carbon-x-cost.png". */
export function chartFileName(title: string, format: ImageFormat): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/×/g, 'x')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'chart'
  return `${base}.${format}`
}

/** ECharts' SVG string as a data URL (percent-encoded: no base64 round trip of a text format). */
export function svgDataUrl(svg: string): string {
  const text = svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`
}

/** Export size: the chart's own size, at least 640 × 360 so a small chart still reads in a report. */
export function exportSize(width: number, height: number): { width: number; height: number } {
  return { width: Math.max(640, Math.round(width) || 0), height: Math.max(360, Math.round(height) || 0) }
}
