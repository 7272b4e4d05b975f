import { lazy, Suspense } from 'react'
import type { Results, SwedishFigures } from '../bridge'
import { SwedishPanel } from './SwedishPanel'
import { formatHours, formatKWh, formatNumber } from '../lib/format'
import { useUnitSystem } from '../hooks/useUnitSystem'
import { energyIn, KBTU_PER_KWH, toDisplay, unitLabel, type UnitSystem } from '../lib/units'

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

function energyKpi(id: string, label: string, kWh: number, hint: string, units: UnitSystem): KpiProps {
  const q = energyIn(kWh, units)
  // The exact figure beside a rounded one: kWh, or kBtu in IP.
  const exact = units === 'ip' ? `${formatNumber(kWh * KBTU_PER_KWH, 0)} kBtu` : formatKWh(kWh)
  return { id, label, value: q.value, unit: q.unit, sub: q.unit === 'kWh' || q.unit === 'kBtu' ? undefined : exact, hint }
}

function areaKpi(id: string, label: string, m2: number, units: UnitSystem): KpiProps {
  const v = toDisplay('area', m2, units)
  return { id, label, value: formatNumber(v, Math.abs(v) < 1000 ? 1 : 0), unit: unitLabel('area', units) }
}

interface Props {
  results: Results
  /** the run's Swedish figures, shown first: the users report these */
  swedish?: SwedishFigures | null
  runId?: number
  onEditModel?: () => void
  onOpenSwedishSettings?: () => void
}

export function ResultsPanel({ results, swedish, runId, onEditModel, onOpenSwedishSettings }: Props) {
  const units = useUnitSystem()
  const kpis: KpiProps[] = [
    energyKpi('total-site', 'Total site energy', results.totalSiteKWh, 'Energy used on site, all fuels', units),
    energyKpi('net-site', 'Net site energy', results.netSiteKWh, 'Site energy minus on-site generation', units),
    energyKpi('total-source', 'Total source energy', results.totalSourceKWh, 'Primary energy, with EnergyPlus’s source factors', units),
    { id: 'eui', label: 'Energy use intensity', value: formatNumber(toDisplay('eui', results.euiKWhPerM2, units), 1), unit: unitLabel('eui', units), hint: 'Total site energy per total building area' },
    areaKpi('total-area', 'Total floor area', results.totalAreaM2, units),
    areaKpi('conditioned-area', 'Conditioned floor area', results.conditionedAreaM2, units),
    { id: 'unmet-heating', label: 'Unmet heating hours', ...valueUnit(formatHours(results.unmetHeatingHours)), hint: 'Occupied hours with the heating setpoint not met' },
    { id: 'unmet-cooling', label: 'Unmet cooling hours', ...valueUnit(formatHours(results.unmetCoolingHours)), hint: 'Occupied hours with the cooling setpoint not met' },
  ]
  return (
    <div className="results" data-testid="results-panel">
      {swedish && runId ? <SwedishPanel figures={swedish} runId={runId} onEditModel={onEditModel} onOpenSettings={onOpenSwedishSettings} /> : null}
      <h3 className="results-subhead">EnergyPlus’s annual figures</h3>
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
