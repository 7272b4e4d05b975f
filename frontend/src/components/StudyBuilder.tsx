import { useEffect, useMemo, useRef, useState } from 'react'
import { estimateStudy, measureTemplates, studyFigures, type ComputeTarget, type ConstructionView, type LibraryView, type Model, type StudyEstimate, type StudyFigure, type TemplateFit, type Weather } from '../bridge'
import { useTakeoff } from '../hooks/useTakeoff'
import { errorMessage, formatArea } from '../lib/format'
import { ELEMENTS, elementLabel, usableFor, type Element } from '../lib/library'
import { constructionFiguresText } from '../lib/libraryTables'
import { errorPlace, findMeasureChoice, measureChoices, measureIds } from '../lib/measures'
import { addPackage, buildSpec, copyPackage, effectiveMode, estimateText, isSampled, KEEP, missingElements, packageMeasure, removePackage, setPackage, setPackageMeasure, toggleOption, COST_RANGE_USES, type BuilderState, type CostRangeUse } from '../lib/study'
import { elementAreas } from '../lib/takeoff'
import { placeName } from '../lib/weather'
import type { CheckItem } from '../lib/checklist'
import type { GapTarget } from '../lib/gaps'
import { BuilderMeasures } from './BuilderMeasures'
import { BuilderMethod } from './BuilderMethod'
import { StudyChecklist } from './StudyChecklist'
import { TargetPicker } from './TargetPicker'

/** How long the builder must sit still before Go counts the variants. */
const ESTIMATE_DEBOUNCE_MS = 300

interface Props {
  models: Model[]
  weather: Weather[]
  library: LibraryView | null
  libraryError: string | null
  state: BuilderState
  onState: (s: BuilderState) => void
  busy: boolean
  engineFound: boolean
  onCreate: () => void
  /** the saved compute targets; target is the chosen one's name, "" for this computer */
  targets: ComputeTarget[]
  target: string
  onTarget: (name: string) => void
  onManageTargets: () => void
  /** which figures the study will lack, and why (shown above "Create and run") */
  checklist?: CheckItem[]
  onGap?: (t: GapTarget) => void
  /** whether the builder is unfolded; null while the studies are still loading */
  open: boolean | null
  onOpen: (open: boolean) => void
}

/** Options of one element: keep plus the library's constructions for it, usable first. */
function optionsFor(library: LibraryView | null, el: string): { usable: ConstructionView[]; unusable: ConstructionView[] } {
  const all = (library?.constructions ?? []).filter((v) => v.construction.element === el)
  const byName = (a: ConstructionView, b: ConstructionView) => (a.construction.name || a.construction.id).localeCompare(b.construction.name || b.construction.id)
  const usable = usableFor(all, el).sort(byName)
  return { usable, unusable: all.filter((v) => !usable.includes(v)).sort(byName) }
}

/** A model's measure templates, each saying whether it applies; asked for again when the model changes. */
function useTemplates(modelId: number | null): { templates: TemplateFit[] | null; error: string | null } {
  const [got, setGot] = useState<{ modelId: number | null; templates: TemplateFit[] | null; error: string | null }>({ modelId: null, templates: null, error: null })
  useEffect(() => {
    if (modelId === null) return
    let live = true
    measureTemplates(modelId)
      .then((t) => live && setGot({ modelId, templates: t ?? [], error: null }))
      .catch((e) => live && setGot({ modelId, templates: null, error: errorMessage(e) }))
    return () => {
      live = false
    }
  }, [modelId])
  return got.modelId === modelId ? got : { templates: null, error: null }
}

/** The figures a method can minimise or limit: the same for every study, asked for once. */
function useFigures(): { figures: StudyFigure[] | null; error: string | null } {
  const [got, setGot] = useState<{ figures: StudyFigure[] | null; error: string | null }>({ figures: null, error: null })
  useEffect(() => {
    let live = true
    studyFigures()
      .then((f) => live && setGot({ figures: f ?? [], error: null }))
      .catch((e) => live && setGot({ figures: null, error: errorMessage(e) }))
    return () => {
      live = false
    }
  }, [])
  return got
}

/** The scenario builder: base model, weather files, options per element, measures, how the variants are chosen, and the count before running. */
export function StudyBuilder({ models, weather, library, libraryError, state, onState, busy, engineFound, onCreate, targets, target, onTarget, onManageTargets, checklist, onGap, open, onOpen }: Props) {
  const { spec, problems } = useMemo(() => buildSpec(state), [state])
  const specKey = JSON.stringify(spec)
  const [estimate, setEstimate] = useState<StudyEstimate | null>(null)
  const [estimateError, setEstimateError] = useState<string | null>(null)
  const [estimating, setEstimating] = useState(false)
  const seq = useRef(0)

  useEffect(() => {
    const mine = ++seq.current
    setEstimate(null)
    setEstimateError(null)
    if (problems.length > 0) {
      setEstimating(false)
      return
    }
    setEstimating(true)
    const t = window.setTimeout(() => {
      estimateStudy(JSON.parse(specKey))
        .then((e) => mine === seq.current && setEstimate(e))
        .catch((e) => mine === seq.current && setEstimateError(errorMessage(e)))
        .finally(() => mine === seq.current && setEstimating(false))
    }, ESTIMATE_DEBOUNCE_MS)
    return () => window.clearTimeout(t)
  }, [specKey, problems.length])

  const set = (patch: Partial<BuilderState>) => onState({ ...state, ...patch })
  // The base model's areas per element: shown beside each element, and an element the model
  // lacks (no exterior window) is flagged before Go refuses the study.
  const { takeoff } = useTakeoff(state.modelId)
  const areas = useMemo(() => (takeoff ? elementAreas(takeoff) : null), [takeoff])
  const mode = effectiveMode(state)
  const absent = missingElements({ ...state, mode }, areas)
  const { templates, error: templatesError } = useTemplates(state.modelId)
  const { figures, error: figuresError } = useFigures()
  const ids = useMemo(() => measureIds(state.measures), [state.measures])
  // Go's complaint goes beside what it names: a measure's card or the method section.
  const place = estimateError ? errorPlace(estimateError, ids) : null
  const measureErrors: Record<number, string> = typeof place === 'number' && estimateError ? { [place]: estimateError } : {}
  const blocker = !engineFound ? 'EnergyPlus was not found: set the engine first (header).' : (problems[0] ?? absent[0] ?? estimateError ?? (estimate ? '' : 'Counting the variants…'))
  const options = useMemo(() => Object.fromEntries(ELEMENTS.map((el) => [el, optionsFor(library, el)])) as Record<Element, ReturnType<typeof optionsFor>>, [library])
  const nameOf = (id: string) => (library?.constructions ?? []).find((v) => v.construction.id === id)?.construction.name ?? id

  return (
    <section className="panel study-builder" aria-labelledby="study-builder-heading" data-testid="study-builder" data-open={open === null ? undefined : String(open)}>
      <div className="panel-head">
        <h2 id="study-builder-heading">New renovation study</h2>
        {open === false ? <span className="subtle small builder-folded-note">a model × weather files × renovation options</span> : null}
        <button type="button" className={`btn btn-small builder-toggle${open ? '' : ' btn-primary'}`} aria-expanded={!!open} onClick={() => onOpen(!open)} data-testid="study-builder-toggle">
          {open ? 'Hide' : 'New study…'}
        </button>
      </div>
      <div hidden={!open}>
      <div className="builder-grid">
        <div className="form-field">
          <label htmlFor="study-name" className="field-label">
            Study name
          </label>
          <input
            id="study-name"
            type="text"
            className="text-input text-input-plain"
            value={state.name}
            placeholder="e.g. Façade and windows, 2025"
            onChange={(e) => set({ name: e.target.value })}
            data-testid="study-name"
          />
        </div>
        <div className="form-field">
          <label htmlFor="study-model" className="field-label">
            Base model
          </label>
          <select id="study-model" value={state.modelId ?? ''} onChange={(e) => set({ modelId: e.target.value ? Number(e.target.value) : null })} data-testid="study-model">
            <option value="">{models.length ? 'Choose a model…' : 'Import a model first (Models & runs)'}</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.summary?.buildingName ? ` — ${m.summary.buildingName}` : ''}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="form-field study-weather">
          <legend className="field-label">Weather files</legend>
          {weather.length === 0 ? (
            <span className="subtle">Import a weather file first (Models & runs).</span>
          ) : (
            <ul className="weather-checks">
              {weather.map((w) => {
                const place = placeName(w.header?.location)
                return (
                  <li key={w.id}>
                    <label className="check check-compact">
                      <input
                        type="checkbox"
                        checked={state.weatherIds.includes(w.id)}
                        onChange={(e) => set({ weatherIds: e.target.checked ? [...state.weatherIds, w.id] : state.weatherIds.filter((x) => x !== w.id) })}
                        data-testid={`study-weather-${w.id}`}
                      />
                      <span>
                        {place ? <span>{place}</span> : null} <span className="file-name subtle">{w.name}</span>
                      </span>
                    </label>
                  </li>
                )
              })}
            </ul>
          )}
        </fieldset>
      </div>


      {libraryError ? <p className="engine-error">{libraryError}</p> : null}
      {mode !== 'list' ? (
        <div className="element-options">
          {ELEMENTS.map((el) => {
            const { usable, unusable } = options[el]
            const picked = state.options[el]
            return (
              <fieldset key={el} className="element-option" data-testid={`study-element-${el}`}>
                <legend className="field-label">
                  {elementLabel(el)} <span className="count">{picked.length}</span>
                  {areas ? (
                    <span className={`subtle small${areas[el] > 0 ? '' : ' hint-warning'}`} data-testid={`study-area-${el}`} title="Exterior area the variants change (from the model's geometry)">
                      {areas[el] > 0 ? formatArea(areas[el]) : 'none in the model'}
                    </span>
                  ) : null}
                </legend>
                <label className="check check-compact">
                  <input type="checkbox" checked={picked.includes(KEEP)} onChange={(e) => onState(toggleOption(state, el, KEEP, e.target.checked))} data-testid={`study-option-${el}-keep`} />
                  <span>keep existing</span>
                </label>
                {usable.map((v) => (
                  <label key={v.construction.id} className="check check-compact" title={v.construction.notes || undefined}>
                    <input
                      type="checkbox"
                      checked={picked.includes(v.construction.id)}
                      onChange={(e) => onState(toggleOption(state, el, v.construction.id, e.target.checked))}
                      data-testid={`study-option-${el}-${v.construction.id}`}
                    />
                    <span>
                      <span>{v.construction.name || v.construction.id}</span>
                      <span className="subtle block small">{constructionFiguresText(v)}</span>
                    </span>
                  </label>
                ))}
                {usable.length === 0 ? <p className="subtle small">No usable {el} construction in the library.</p> : null}
                {unusable.length ? (
                  <details className="unusable-options">
                    <summary className="subtle small">{unusable.length} not usable yet</summary>
                    <ul>
                      {unusable.map((v) => (
                        <li key={v.construction.id} className="small" data-testid={`study-unusable-${v.construction.id}`}>
                          <strong>{v.construction.name || v.construction.id}</strong>: {v.unusable || v.error}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </fieldset>
            )
          })}
        </div>
      ) : (
        <div className="packages" data-testid="study-packages">
          <table className="grid-table packages-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                {ELEMENTS.map((el) => (
                  <th key={el} scope="col">
                    {elementLabel(el)}
                  </th>
                ))}
                {state.measures.map((d, k) => (
                  <th key={`m${d.key}`} scope="col" title={`Measure ${ids[k]}`}>
                    {d.name.trim() || ids[k]}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Copy or remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {state.packages.map((p, i) => (
                <tr key={i} data-testid={`study-package-${i}`}>
                  <td>{i + 1}</td>
                  {ELEMENTS.map((el) => (
                    <td key={el}>
                      <select value={p[el]} onChange={(e) => set({ packages: setPackage(state.packages, i, el, e.target.value) })} aria-label={`Package ${i + 1}: ${el}`} data-testid={`study-package-${i}-${el}`}>
                        <option value={KEEP}>keep existing</option>
                        {options[el].usable.map((v) => (
                          <option key={v.construction.id} value={v.construction.id}>
                            {v.construction.name || v.construction.id}
                          </option>
                        ))}
                        {p[el] !== KEEP && !options[el].usable.some((v) => v.construction.id === p[el]) ? <option value={p[el]}>{nameOf(p[el])} (not usable)</option> : null}
                      </select>
                    </td>
                  ))}
                  {state.measures.map((d, k) => {
                    const choice = packageMeasure(p, d)
                    const name = d.name.trim() || ids[k]
                    // "0.80" picked before the list was retyped "0.8" is still that option.
                    const known = choice === KEEP ? undefined : findMeasureChoice(d, choice)
                    return (
                      <td key={`m${d.key}`}>
                        <select value={known?.value ?? choice} onChange={(e) => set({ packages: setPackageMeasure(state.packages, i, d.key, e.target.value) })} aria-label={`Package ${i + 1}: ${name}`} data-testid={`study-package-${i}-measure-${k}`}>
                          {d.keep || choice === KEEP ? <option value={KEEP}>{d.keep ? 'keep existing' : 'keep existing (not offered)'}</option> : null}
                          {measureChoices(d).map((c) => (
                            <option key={c.value} value={c.value}>
                              {c.label}
                            </option>
                          ))}
                          {choice !== KEEP && !known ? <option value={choice}>{choice.replaceAll(',', ' / ')} (no longer an option)</option> : null}
                        </select>
                      </td>
                    )
                  })}
                  <td className="package-actions">
                    <button type="button" className="btn btn-small" onClick={() => set({ packages: copyPackage(state.packages, i) })} aria-label={`Copy package ${i + 1}`} title="Copy this package below it, to change one choice" data-testid={`study-package-copy-${i}`}>
                      Copy
                    </button>
                    <button type="button" className="icon-button" onClick={() => set({ packages: removePackage(state.packages, i) })} aria-label={`Remove package ${i + 1}`} data-testid={`study-package-remove-${i}`}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn btn-small" onClick={() => set({ packages: addPackage(state) })} data-testid="study-package-add">
            + Add package
          </button>
          <span className="subtle"> Each package is one variant; the baseline always runs as well. {state.measures.length ? 'Each measure below is a column: keep it or pick one of its options.' : 'A measure added below becomes a column here.'}</span>
        </div>
      )}

      <BuilderMeasures
        measures={state.measures}
        ids={ids}
        onChange={(measures) => set({ measures })}
        templates={templates}
        templatesError={templatesError}
        continuousAllowed={state.method.kind !== 'sampling' || isSampled(state.mode)}
        errors={measureErrors}
      />

      <BuilderMethod
        method={state.method}
        // A method combines the elements' options and the measures itself: the full factorial's
        // axes, so hand-picked packages or a sample give way to it.
        onChange={(method) => set({ method, ...(method.kind !== 'sampling' ? { mode: 'factorial' as const } : {}) })}
        figures={figures}
        figuresError={figuresError}
        weatherCount={state.weatherIds.length}
        error={place === 'method' ? (estimateError ?? undefined) : undefined}
      >
        <div className="segmented study-modes" role="radiogroup" aria-label="Which combinations become variants">
          {(
            [
              ['factorial', 'Full factorial', 'Every combination of the ticked options'],
              ['list', 'Hand-picked packages', 'Only the packages you list'],
              ['lhs', 'Latin hypercube', 'A sample of N combinations that uses every option about evenly'],
              ['sobol', 'Sobol sequence', 'The first N distinct combinations of a Sobol low-discrepancy sequence: any first part of the sample is spread evenly too'],
            ] as const
          ).map(([choice, label, title]) => (
            <button key={choice} type="button" role="radio" aria-checked={state.mode === choice} className={state.mode === choice ? 'on' : ''} onClick={() => set({ mode: choice })} title={title} data-testid={`study-mode-${choice}`}>
              {label}
            </button>
          ))}
        </div>
        {isSampled(state.mode) ? (
          <div className="builder-inline">
            <label className="field-label" htmlFor="study-lhs-n">
              Variants
            </label>
            <input id="study-lhs-n" type="text" inputMode="numeric" className="text-input number-input short-input" value={state.n} onChange={(e) => set({ n: e.target.value })} data-testid="study-lhs-n" />
            <label className="field-label" htmlFor="study-lhs-seed">
              Seed
            </label>
            <input id="study-lhs-seed" type="text" inputMode="numeric" className="text-input number-input short-input" value={state.seed} onChange={(e) => set({ seed: e.target.value })} data-testid="study-lhs-seed" />
            <span className="subtle">{state.mode === 'sobol' ? 'The same seed gives the same sample; 0 gives the plain sequence.' : 'The same seed gives the same sample.'}</span>
          </div>
        ) : null}
      </BuilderMethod>

      <div className="builder-flags">
        <label className="check check-compact" title="Runs only the sizing periods (EnergyPlus -D): a quick check that every variant simulates, with no annual results">
          <input type="checkbox" checked={state.designDaysOnly} onChange={(e) => set({ designDaysOnly: e.target.checked })} data-testid="study-design-days" />
          <span>Design days only (quick check: no annual energy, carbon or cost)</span>
        </label>
        <label className="check check-compact" title="Runs a design-day-only model over the weather year (EnergyPlus -a)">
          <input type="checkbox" checked={state.forceAnnual} onChange={(e) => set({ forceAnnual: e.target.checked })} data-testid="study-force-annual" />
          <span>Force annual run</span>
        </label>
        <label className="check check-compact" title="By default each run keeps its error file, HTML report and run copy once its results and hourly meters are stored">
          <input type="checkbox" checked={state.keepAllOutputs} onChange={(e) => set({ keepAllOutputs: e.target.checked })} data-testid="study-keep-all" />
          <span>Keep all EnergyPlus outputs</span>
        </label>
        <label className="check check-compact" title="Some installed prices are published only as a range (for example 250-350 SEK/m²). Left missing, the variants using them have no investment or life-cycle cost; taken at a point, the figures name the range they came from. The low and high ends bracket the life-cycle cost.">
          <span>Costs published only as a range:</span>
          <select className="select" value={state.costRanges} onChange={(e) => set({ costRanges: e.target.value as CostRangeUse })} data-testid="study-cost-ranges">
            {COST_RANGE_USES.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {checklist ? <StudyChecklist items={checklist} onGap={onGap} /> : null}

      <div className="builder-foot">
        <p className="study-estimate" aria-live="polite" data-testid="study-estimate" data-state={estimate ? 'ok' : estimateError || problems.length ? 'invalid' : 'pending'}>
          {estimate ? (
            <strong>{estimateText(estimate, Boolean(spec.method))}</strong>
          ) : problems.length ? (
            <span className="subtle">{problems[0]}</span>
          ) : estimateError ? (
            <span className="field-error">{estimateError}</span>
          ) : (
            <span className="subtle">{estimating ? 'Counting the variants…' : ''}</span>
          )}
        </p>
        {problems.length > 1 || absent.length > 0 ? (
          <ul className="problem-list" data-testid="study-problems">
            {[...problems.slice(1), ...absent].map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <TargetPicker targets={targets} value={target} onChange={onTarget} onManage={onManageTargets} testId="study-target" disabled={busy} />
        <button type="button" className="btn btn-primary btn-large" onClick={onCreate} disabled={busy || Boolean(blocker)} title={blocker || 'Write the variant IDFs and queue every run'} data-testid="study-create">
          {busy ? 'Creating…' : 'Create and run'}
        </button>
      </div>
      </div>
    </section>
  )
}
