import { useEffect, useMemo, useState } from 'react'
import type { EndUse, MethodView } from '../bridge'
import { usePrefersDark } from '../hooks/usePrefersDark'
import { useUnitSystem } from '../hooks/useUnitSystem'
import { buildEndUseCompareOption } from '../lib/endUseCompare'
import { darkChartTheme, endUseTable, lightChartTheme } from '../lib/endUses'
import { frontCount, frontOf, generationOfLabel, generationShown, objectiveAxes } from '../lib/method'
import { AXES, axisDef, buildScatterOption, defaultAxes, highlighted, missingNote, pointAt, scatterModel, type AxisKey } from '../lib/scatter'
import { unitLabel } from '../lib/units'
import { mark } from '../lib/perf'
import { isSucceeded } from '../lib/status'
import type { StudyRow } from '../lib/studyTable'
import { EChart } from './EChart'
import { MeterPanel } from './MeterPanel'

const AXES_KEY = 'epsm.studyScatter.axes'
const PER_M2_KEY = 'epsm.studyScatter.perM2'

function storedFlag(key: string): boolean {
  try {
    return window.localStorage?.getItem(key) === 'true'
  } catch {
    return false
  }
}

/** The axes the user last chose, or null. */
function storedAxes(): [AxisKey, AxisKey] | null {
  try {
    const v = JSON.parse(window.localStorage?.getItem(AXES_KEY) ?? 'null')
    if (Array.isArray(v) && AXES.some((a) => a.key === v[0]) && AXES.some((a) => a.key === v[1])) return [v[0], v[1]]
  } catch {
    // fall through to the default pair
  }
  return null
}

interface Props {
  rows: StudyRow[]
  /** run id -> its end uses, for the selected variant and its baseline */
  endUses: ReadonlyMap<number, EndUse[] | null | undefined>
  selectedId: string | null
  onSelect: (id: string) => void
  currency: string
  /** an NSGA-II study's fronts per generation: the scatter can ring one generation's */
  method?: MethodView | null
}

/** The study's charts: the scatter of any two figures with its Pareto front, and for the selected variant its end uses against the baseline and its hourly meter. */
export default function StudyCharts({ rows, endUses, selectedId, onSelect, currency, method }: Props) {
  const dark = usePrefersDark()
  const units = useUnitSystem()
  const theme = dark ? darkChartTheme : lightChartTheme
  // Only a choice the user made is remembered: until then the plot shows the first default pair
  // the study's rows can plot, which can change as runs finish.
  // A method study opens on its objectives, unless the user picks axes here.
  const [chosen, setChosen] = useState<[AxisKey, AxisKey] | null>(storedAxes)
  const [chosenHere, setChosenHere] = useState(false)
  const methodAxes = useMemo(() => objectiveAxes(method?.objectives), [method?.objectives])
  const picked = chosenHere ? chosen : (methodAxes ?? chosen)
  const fallback = useMemo(() => (picked ? null : defaultAxes(rows)), [picked, rows])
  const [x, y] = picked ?? fallback ?? defaultAxes(rows)
  const setAxes = (axes: [AxisKey, AxisKey]) => {
    setChosen(axes)
    setChosenHere(true)
    try {
      window.localStorage?.setItem(AXES_KEY, JSON.stringify(axes))
    } catch {
      // private mode: the choice lasts for this session only
    }
  }
  const [perM2, setPerM2Flag] = useState(() => storedFlag(PER_M2_KEY))
  const setPerM2 = (on: boolean) => {
    setPerM2Flag(on)
    try {
      window.localStorage?.setItem(PER_M2_KEY, String(on))
    } catch {
      // private mode: the choice lasts for this session only
    }
  }
  const weathers = useMemo(() => [...new Map(rows.map((r) => [r.weatherId, r.weatherName])).entries()], [rows])
  const selected = rows.find((r) => r.id === selectedId) ?? null
  const [weather, setWeather] = useState<number | null>(null)
  const selectedWeather = selected?.weatherId
  useEffect(() => {
    if (selectedWeather !== undefined) setWeather(selectedWeather)
  }, [selectedWeather])
  const weatherId = weather !== null && weathers.some(([w]) => w === weather) ? weather : (weathers[0]?.[0] ?? null)

  const model = useMemo(() => {
    if (rows.length) mark('study-scatter:rows') // the plot's own work starts here (after the table's paint)
    return scatterModel(rows, x, y, weatherId, perM2)
  }, [rows, x, y, weatherId, perM2])
  // NSGA-II: the first front of a finished generation, the latest unless one is chosen.
  const generations = frontCount(method)
  const [chosenGeneration, setGeneration] = useState<number | null>(null)
  const generation = generationShown(chosenGeneration, generations)
  const highlight = useMemo(() => (generation ? { ids: new Set(frontOf(method, generation)), name: `Front of generation ${generation}` } : undefined), [method, generation])
  const generationOf = useMemo(() => (method?.generationOf ? (label: string) => generationOfLabel(method, label) : undefined), [method])
  const { option, index } = useMemo(
    () => buildScatterOption(model, { theme, units, currency, selectedId, highlight, generationOf }),
    [model, theme, units, currency, selectedId, highlight, generationOf],
  )
  const ringed = useMemo(() => highlighted(model, highlight?.ids).map((i) => model.shortIds[i]), [model, highlight])
  const note = missingNote(model.missing)

  const baseline = selected ? rows.find((r) => r.baseline && r.weatherId === selected.weatherId) : undefined
  const compare = useMemo(() => {
    if (!selected || !isSucceeded(selected.status)) return null
    const v = endUses.get(selected.runId)
    const b = baseline && isSucceeded(baseline.status) ? endUses.get(baseline.runId) : undefined
    return { option: buildEndUseCompareOption(v, b, theme, units), rows: endUseTable([...(v ?? []), ...(b ?? [])]).endUses.length }
  }, [selected, baseline, endUses, theme, units])

  const axisSelect = (which: 'x' | 'y', value: AxisKey) => (
    <label className="axis-select">
      <span className="subtle small">{which === 'x' ? 'X axis' : 'Y axis'}</span>
      <select className="text-input" value={value} onChange={(e) => setAxes(which === 'x' ? [e.target.value as AxisKey, y] : [x, e.target.value as AxisKey])} data-testid={`scatter-${which}`}>
        {AXES.map((a) => (
          <option key={a.key} value={a.key}>
            {a.label}
          </option>
        ))}
      </select>
    </label>
  )
  const label = selected ? (selected.baseline ? 'baseline' : selected.name) : ''
  return (
    <div className="study-charts" data-testid="study-charts">
      <figure className="chart-figure" data-front-generation={generation || undefined} data-front-labels={generation ? ringed.join(' ') : undefined}>
        <figcaption>
          {axisDef(x).label} against {midSentence(axisDef(y).label)}: the Pareto front minimises both
        </figcaption>
        <div className="table-toolbar scatter-toolbar">
          {axisSelect('x', x)}
          {axisSelect('y', y)}
          {weathers.length > 1 ? (
            <label className="axis-select">
              <span className="subtle small">Weather</span>
              <select className="text-input" value={weatherId ?? ''} onChange={(e) => setWeather(Number(e.target.value))} data-testid="scatter-weather">
                {weathers.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {generations ? (
            <label className="axis-select" title="Ring the variants on the first front after this generation of NSGA-II">
              <span className="subtle small">NSGA-II front</span>
              <select className="text-input" value={generation} onChange={(e) => setGeneration(Number(e.target.value))} data-testid="scatter-generation">
                {Array.from({ length: generations }, (_, i) => (
                  <option key={i + 1} value={i + 1}>
                    Generation {i + 1}
                    {i + 1 === generations ? ' (latest)' : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="check check-compact" title="Every figure divided by the model's Atemp (heated floor area); EUI is per m² already">
            <input type="checkbox" checked={perM2} onChange={(e) => setPerM2(e.target.checked)} data-testid="scatter-per-m2" />
            <span className="small">per {unitLabel('area', units)} Atemp</span>
          </label>
          <span className="subtle small" data-testid="scatter-count">
            {model.ids.length} plotted · {model.front.length} on the front
          </span>
          {generation ? (
            <span className="subtle small" data-testid="scatter-generation-front">
              {ringed.length} of generation {generation}’s front ringed{ringed.length ? `: ${ringed.join(', ')}` : ''}
            </span>
          ) : null}
          {note ? (
            <span className="hint-inline hint-warning small" data-testid="scatter-missing">
              {note}
            </span>
          ) : null}
        </div>
        <EChart
          option={option}
          height={380}
          title={`${axisDef(x).label} × ${axisDef(y).label}`}
          background={theme.background}
          testId="study-scatter"
          drawnMark={model.ids.length ? 'study-scatter:drawn' : undefined}
          onClick={(c) => {
            const id = pointAt(model, index, c.seriesIndex, c.dataIndex)
            if (id) onSelect(id)
          }}
        />
        <p className="subtle small">Pareto points are labelled with their variant id, as in the table (V12 is variant 12). Click a point to select its row; select a row to ring its point. Scroll on the plot to zoom.</p>
      </figure>
      {selected ? (
        compare ? (
          <figure className="chart-figure">
            <figcaption>
              End uses by fuel: {label} (solid) and the baseline (faded)
            </figcaption>
            <EChart option={compare.option} height={Math.max(180, 70 + compare.rows * 44)} title={`End uses ${label} vs baseline`} background={theme.background} renderer="svg" testId="study-end-uses" />
          </figure>
        ) : (
          <p className="subtle">End uses appear when the run of {label} has succeeded.</p>
        )
      ) : (
        <p className="subtle">Select a variant (a row or a point) to see its end uses and hourly profile.</p>
      )}
      {selected && isSucceeded(selected.status) ? <MeterPanel runId={selected.runId} label={label} /> : null}
    </div>
  )
}

/** A label inside a sentence: "Life-cycle cost" -> "life-cycle cost", while "EUI" and "Embodied GWP" keep their acronyms. */
function midSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label
}
