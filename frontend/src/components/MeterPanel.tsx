import { useEffect, useMemo, useState } from 'react'
import { getMeterSeries, getRunMeters, type MeterSeries, type RunMeters } from '../bridge'
import { darkChartTheme, lightChartTheme } from '../lib/endUses'
import { errorMessage, formatNumber } from '../lib/format'
import { buildDailyOption, buildHeatmapOption, buildWeekOption, heatmapData, meterSummary, meterUnits, weekData, weekStart, WEEK_DAYS } from '../lib/meters'
import { usePrefersDark } from '../hooks/usePrefersDark'
import { useUnitSystem } from '../hooks/useUnitSystem'
import { EChart } from './EChart'

/**
 * One run's hourly meter from eplusout.sql: daily totals over the year with each day's range of
 * hours (a click on a day shows its week hour by hour), and a day-by-hour heat map.
 */
export function MeterPanel({ runId, label }: { runId: number; label: string }) {
  const [meters, setMeters] = useState<RunMeters | null>(null)
  const [name, setName] = useState<string>('')
  const [series, setSeries] = useState<MeterSeries | null>(null)
  /** the first day of the week shown hour by hour; null: the whole year, day by day */
  const [week, setWeek] = useState<number | null>(null)
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
    setWeek(null)
    getMeterSeries(runId, name)
      .then((s) => live && setSeries(s))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [runId, name])

  const u = useMemo(() => (series ? meterUnits(series, units) : null), [series, units])
  const grid = useMemo(() => (series && u ? heatmapData(series, u.factor) : null), [series, u])
  const line = useMemo(() => {
    if (!series || !grid || !u) return null
    return week === null ? buildDailyOption(grid, u.unit, theme) : buildWeekOption(series, grid, week, u.unit, theme)
  }, [series, grid, week, u, theme])
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
      {line && heat && series && grid ? (
        <>
          <figure className="chart-figure">
            <figcaption>
              {series.name}, {week === null ? 'daily' : 'hourly'} ({label})
            </figcaption>
            <EChart
              // A new chart between the year and a week: ECharts merges an option into the one
              // drawn, and the year's second axis, legend and tooltip would stay in the week.
              key={week === null ? 'year' : 'week'}
              option={line}
              height={280}
              title={`${series.name} ${week === null ? 'daily' : `week ${weekData(grid, week).range}`} ${label}`}
              background={theme.background}
              // SVG: a year of days or a week of hours is few marks, and its labels stay in the page.
              renderer="svg"
              testId="meter-series-chart"
              onCategoryClick={week === null ? (day) => setWeek(weekStart(day, grid.days)) : undefined}
              tools={
                week === null ? (
                  <span className="chart-view subtle small" data-testid="meter-view">
                    {grid.days} daily totals, {grid.dayLabels[0]} – {grid.dayLabels[grid.days - 1]}; the band spans each day’s lowest to highest hour. Click a day for its week.
                  </span>
                ) : (
                  <>
                    <span className="chart-view subtle small" data-testid="meter-view">
                      {WEEK_DAYS} days hour by hour, {weekData(grid, week).range}
                    </span>
                    <button type="button" className="btn btn-small" onClick={() => setWeek(Math.max(0, week - WEEK_DAYS))} disabled={week === 0} data-testid="meter-week-prev" aria-label="Previous week">
                      ◀
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => setWeek(Math.min(grid.days - WEEK_DAYS, week + WEEK_DAYS))} disabled={week >= grid.days - WEEK_DAYS} data-testid="meter-week-next" aria-label="Next week">
                      ▶
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => setWeek(null)} data-testid="meter-year">
                      Whole year
                    </button>
                  </>
                )
              }
            />
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
