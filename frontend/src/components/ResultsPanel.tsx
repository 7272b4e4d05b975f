import { lazy, Suspense } from 'react'
import type { Results } from '../bridge'
import { energyQuantity, formatArea, formatEUI, formatHours, formatKWh } from '../lib/format'

// ECharts is most of the bundle: load it when a results panel first needs it.
const EndUseChart = lazy(() => import('./EndUseChart').then((m) => ({ default: m.EndUseChart })))

interface KpiProps {
  id: string
  label: string
  value: string
  unit?: string
  sub?: string
  hint?: string
}

function Kpi({ id, label, value, unit, sub, hint }: KpiProps) {
  return (
    <div className="kpi" data-testid={`kpi-${id}`} title={hint}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">
        <span data-testid={`kpi-${id}-value`}>{value}</span>
        {unit ? <span className="kpi-unit"> {unit}</span> : null}
      </span>
      {sub ? <span className="kpi-sub subtle">{sub}</span> : null}
    </div>
  )
}

function energyKpi(id: string, label: string, kWh: number, hint: string): KpiProps {
  const q = energyQuantity(kWh)
  return { id, label, value: q.value, unit: q.unit, sub: q.unit === 'kWh' ? undefined : formatKWh(kWh), hint }
}

export function ResultsPanel({ results }: { results: Results }) {
  const [euiValue, euiUnit] = splitUnit(formatEUI(results.euiKWhPerM2))
  const kpis: KpiProps[] = [
    energyKpi('total-site', 'Total site energy', results.totalSiteKWh, 'Energy used on site, all fuels'),
    energyKpi('net-site', 'Net site energy', results.netSiteKWh, 'Site energy minus on-site generation'),
    energyKpi('total-source', 'Total source energy', results.totalSourceKWh, 'Primary energy, with EnergyPlus’s source factors'),
    { id: 'eui', label: 'Energy use intensity', value: euiValue, unit: euiUnit, hint: 'Total site energy per total building area' },
    { id: 'total-area', label: 'Total floor area', ...valueUnit(formatArea(results.totalAreaM2)) },
    { id: 'conditioned-area', label: 'Conditioned floor area', ...valueUnit(formatArea(results.conditionedAreaM2)) },
    { id: 'unmet-heating', label: 'Unmet heating hours', ...valueUnit(formatHours(results.unmetHeatingHours)), hint: 'Occupied hours with the heating setpoint not met' },
    { id: 'unmet-cooling', label: 'Unmet cooling hours', ...valueUnit(formatHours(results.unmetCoolingHours)), hint: 'Occupied hours with the cooling setpoint not met' },
  ]
  return (
    <div className="results" data-testid="results-panel">
      <div className="kpi-grid">
        {kpis.map((k) => (
          <Kpi key={k.id} {...k} />
        ))}
      </div>
      <Suspense fallback={<p className="subtle">Loading chart…</p>}>
        <EndUseChart endUses={results.endUses} />
      </Suspense>
    </div>
  )
}

function splitUnit(text: string): [string, string] {
  const i = text.indexOf(' ')
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)]
}

function valueUnit(text: string): { value: string; unit: string } {
  const [value, unit] = splitUnit(text)
  return { value, unit }
}
