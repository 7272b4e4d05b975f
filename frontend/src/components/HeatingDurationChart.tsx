import { useEffect, useMemo, useState } from 'react'
import { getMeterSeries, getRunMeters } from '../bridge'
import { CHART_FONT, darkChartTheme, lightChartTheme } from '../lib/endUses'
import { errorMessage, formatNumber } from '../lib/format'
import { isHeatingMeter, loadDuration } from '../lib/swedish'
import { usePrefersDark } from '../hooks/usePrefersDark'
import { EChart } from './EChart'

/**
 * The heating load-duration curve: every hour's delivered heating power (all fuels), highest
 * first, from the run's hourly Heating:<fuel> meters. Read when the panel opens.
 */
export function HeatingDurationChart({ runId }: { runId: number }) {
  const [curve, setCurve] = useState<number[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const dark = usePrefersDark()
  const theme = dark ? darkChartTheme : lightChartTheme

  useEffect(() => {
    let live = true
    setCurve(null)
    setError(null)
    getRunMeters(runId)
      .then((m) => Promise.all((m.meters ?? []).filter((x) => isHeatingMeter(x.name)).map((x) => getMeterSeries(runId, x.name))))
      .then((series) => live && setCurve(loadDuration(series)))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [runId])

  const option = useMemo(
    () => ({
      animation: false,
      textStyle: { fontFamily: CHART_FONT, color: theme.text },
      grid: { left: 56, right: 16, top: 16, bottom: 44 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${formatNumber(v, 1)} kW` },
      xAxis: { type: 'value', name: 'hours of the year at or above', nameLocation: 'middle', nameGap: 28, min: 0, max: curve?.length || 8760, axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
      yAxis: { type: 'value', name: 'kW', axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
      series: [{ type: 'line', showSymbol: false, areaStyle: { opacity: 0.15 }, data: (curve ?? []).map((v, i) => [i + 1, v]) }],
    }),
    [curve, theme],
  )

  if (error) return <p className="err-missing">{error}</p>
  if (!curve) return <p className="subtle">Loading the hourly heating…</p>
  if (curve.length === 0 || curve[0] === 0) {
    return (
      <p className="subtle" data-testid="duration-empty">
        Nothing heats in this run: no load-duration curve.
      </p>
    )
  }
  return (
    <figure className="duration-figure">
      <figcaption>Heating load-duration curve (delivered, all fuels)</figcaption>
      <EChart option={option} height={220} title="Heating load-duration curve" background={theme.background} testId="heating-duration-chart" />
    </figure>
  )
}
