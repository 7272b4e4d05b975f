import { describe, expect, it } from 'vitest'
import { chartFileName, exportSize, svgDataUrl } from './chartExport'

describe('chart export', () => {
  it('names the file after the chart', () => {
    expect(chartFileName('Life-cycle carbon × Life-cycle cost', 'png')).toBe('life-cycle-carbon-x-life-cycle-cost.png')
    expect(chartFileName('Électricité: heat map (run #12)', 'svg')).toBe('electricite-heat-map-run-12.svg')
    expect(chartFileName('///', 'png')).toBe('chart.png')
  })

  it('wraps SVG text in a data URL the Go side decodes byte for byte', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>Δ 1,234 kWh & 50%</text></svg>'
    const url = svgDataUrl(svg)
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true)
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`)
  })

  it('exports at least 640 × 360', () => {
    expect(exportSize(300, 200)).toEqual({ width: 640, height: 360 })
    expect(exportSize(1200.4, 500)).toEqual({ width: 1200, height: 500 })
  })
})
