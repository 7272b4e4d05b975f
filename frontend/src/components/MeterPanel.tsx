import { useEffect, useMemo, useState } from 'react'
import { getMeterSeries, getRunMeters, type MeterSeries, type RunMeters } from '../bridge'
import { darkChartTheme, lightChartTheme } from '../lib/endUses'
import { errorMessage, formatNumber } from '../lib/format'
import { buildHeatmapOption, buildSeriesOption, meterSummary, meterUnits } from '../lib/meters'
import { usePrefersDark } from '../hooks/usePrefersDark'
import { useUnitSystem } from '../hooks/useUnitSystem'
import { EChart } from './EChart'

/** One run's hourly meter from eplusout.sql: a line over the year and a day-by-hour heat map. */
export function MeterPanel({ runId, label }: { runId: number; label: string }) {
  const [meters, setMeters] = useState<RunMeters | null>(null)
  const [name, setName] = useState<string>('')
  const [series, setSeries] = useState<MeterSeries | null>(null)
  const [error, setError] = useState<string | null>(null)
  const dark = usePrefersDark()
  const units = useUnitSystem()
  const theme = dark ? darkChartTheme : lightChartTheme

  useEffect(() => {
    let live = true
    setMeters(null)
    setSeries(null)
    setError(null)
    getRunMeters(runId)
      .then((m) => {
        if (!live) return
        setMeters(m)
        setName(m.meters?.[0]?.name ?? '')
      })
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [runId])

  useEffect(() => {
    if (!name) return
    let live = true
    setSeries(null)
    getMeterSeries(runId, name)
      .then((s) => live && setSeries(s))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [runId, name])

  const line = useMemo(() => (series ? buildSeriesOption(series, units, theme) : null), [series, units, theme])
  const heat = useMemo(() => (series ? buildHeatmapOption(series, units, theme) : null), [series, units, theme])

  if (error) return <p className="err-missing" data-testid="meter-error">{error}</p>
  if (!meters) return <p className="subtle">Loading the hourly meters…</p>
  if (!meters.meters?.length) {
    return (
      <p className="hint hint-warning" data-testid="meter-none">
        {meters.reason}
      </p>
    )
  }
  const u = series ? meterUnits(series, units) : null
  const sum = series ? meterSummary(series, u!.factor) : null
  return (
    <div className="meter-panel" data-testid="meter-panel">
      {meters.reason ? (
        <p className="hint hint-warning" data-testid="meter-reason">
          {meters.reason}
        </p>
      ) : null}
      <div className="table-toolbar">
        <label className="field-label" htmlFor={`meter-${runId}`}>
          Meter
        </label>
        <select id={`meter-${runId}`} className="text-input" value={name} onChange={(e) => setName(e.target.value)} data-testid="meter-select">
          {meters.meters.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name} ({m.units})
            </option>
          ))}
        </select>
        {sum && u ? (
          <span className="subtle small" data-testid="meter-summary">
            {formatNumber(sum.hours, 0)} hours · total {formatNumber(sum.total, 0)} {u.unit} · peak {formatNumber(sum.peak)} {u.unit} on {sum.peakAt}
          </span>
        ) : null}
      </div>
      {line && heat && series ? (
        <>
          <figure className="chart-figure">
            <figcaption>
              {series.name}, hourly ({label})
            </figcaption>
            <EChart option={line} height={260} title={`${series.name} hourly ${label}`} background={theme.background} testId="meter-series-chart" />
          </figure>
          <figure className="chart-figure">
            <figcaption>
              {series.name}, day × hour ({label})
            </figcaption>
            <EChart option={heat} height={340} title={`${series.name} heat map ${label}`} background={theme.background} testId="meter-heatmap" />
          </figure>
        </>
      ) : (
        <p className="subtle">Loading {name}…</p>
      )}
    </div>
  )
}
