import type { ReactNode } from 'react'
import type { StudyFigure } from '../bridge'
import { toggleObjective, type MethodDraft, type MethodKind } from '../lib/measures'

interface Props {
  method: MethodDraft
  onChange: (m: MethodDraft) => void
  /** the figures a method can minimise or limit (null while asked for) */
  figures: StudyFigure[] | null
  figuresError: string | null
  /** how many weather files the study runs: the aggregation over them shows for more than one */
  weatherCount: number
  /** Go's complaint about the method, shown here */
  error?: string
  /** the sampling choices, shown when no method is picked */
  children: ReactNode
}

const KINDS: readonly (readonly [MethodKind, string, string])[] = [
  ['sampling', 'Sampling', 'The variants are the combinations chosen below: all, hand-picked, or a sample'],
  ['nsga2', 'Optimise (NSGA-II)', 'A genetic search for the best trade-offs between 2 or 3 objectives, a generation of variants at a time'],
  ['morris', 'Screen (Morris)', 'Which elements and measures move the objectives most, from a few trajectories through the options'],
  ['sobol-indices', 'Sobol indices', "How much of each objective's variance each element and measure explains, alone (S1) and with the others (ST)"],
]

/** What the method does with the queue, said under its settings. */
const NOTES: Record<Exclude<MethodKind, 'sampling'>, string> = {
  nsga2: 'Each generation is a batch of variants through the queue; a point asked for again runs once.',
  morris: 'The whole screening design is queued at once; the ranking follows when its runs finish.',
  'sobol-indices': 'Sobol indices cost N × (k + 2) runs for k varying options (Morris: r × (k + 1)): screen with Morris first, then keep the options that matter. The whole design is queued at once.',
}

/** How the study chooses its variants: sampling, an NSGA-II optimisation, a Morris screening, or Sobol indices. */
export function BuilderMethod({ method: m, onChange, figures, figuresError, weatherCount, error, children }: Props) {
  const set = (patch: Partial<MethodDraft>) => onChange({ ...m, ...patch })
  const number = (key: 'population' | 'generations' | 'trajectories' | 'levels' | 'samples' | 'seed', label: string, title?: string) => (
    <>
      <label className="field-label" htmlFor={`study-method-${key}`} title={title}>
        {label}
      </label>
      <input id={`study-method-${key}`} type="text" inputMode="numeric" className="text-input number-input short-input" value={m[key]} onChange={(e) => set({ [key]: e.target.value })} data-testid={`study-method-${key}`} />
    </>
  )
  const figureName = (f: StudyFigure) => `${f.name} (${f.unit})`
  return (
    <fieldset className="form-section builder-method" data-testid="study-method" aria-invalid={error ? true : undefined}>
      <legend>Method</legend>
      <div className="segmented study-methods" role="radiogroup" aria-label="How the study chooses its variants">
        {KINDS.map(([kind, label, title]) => (
          <button key={kind} type="button" role="radio" aria-checked={m.kind === kind} className={m.kind === kind ? 'on' : ''} onClick={() => set({ kind })} title={title} data-testid={`study-method-${kind}`}>
            {label}
          </button>
        ))}
      </div>
      {m.kind === 'sampling' ? (
        children
      ) : (
        <>
          <fieldset className="method-objectives" data-testid="study-objectives">
            <legend className="field-label">
              Objectives, minimised <span className="subtle small">({m.kind === 'nsga2' ? 'tick 2 or 3' : 'tick one or more'})</span>
            </legend>
            {figuresError ? <p className="field-error">{figuresError}</p> : null}
            <ul className="objective-checks">
              {(figures ?? []).map((f) => (
                <li key={f.id}>
                  <label className="check check-compact">
                    <input type="checkbox" checked={m.objectives.includes(f.id)} onChange={(e) => onChange(toggleObjective(m, f.id, e.target.checked))} data-testid={`study-objective-${f.id}`} />
                    <span>{figureName(f)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {m.kind === 'nsga2' ? (
            <div className="method-constraints" data-testid="study-constraints">
              {m.constraints.map((c, i) => (
                <div className="builder-inline" key={i} data-testid={`study-constraint-${i}`}>
                  <span className="field-label">Limit</span>
                  <select value={c.figure} aria-label={`Constraint ${i + 1} figure`} onChange={(e) => set({ constraints: m.constraints.map((x, k) => (k === i ? { ...x, figure: e.target.value } : x)) })} data-testid={`study-constraint-${i}-figure`}>
                    <option value="">choose a figure…</option>
                    {(figures ?? []).map((f) => (
                      <option key={f.id} value={f.id}>
                        {figureName(f)}
                      </option>
                    ))}
                  </select>
                  <span className="subtle">at most</span>
                  <input type="text" inputMode="decimal" className="text-input number-input short-input" value={c.max} aria-label={`Constraint ${i + 1} max`} onChange={(e) => set({ constraints: m.constraints.map((x, k) => (k === i ? { ...x, max: e.target.value } : x)) })} data-testid={`study-constraint-${i}-max`} />
                  <button type="button" className="icon-button" onClick={() => set({ constraints: m.constraints.filter((_, k) => k !== i) })} aria-label={`Remove constraint ${i + 1}`}>
                    ×
                  </button>
                </div>
              ))}
              <button type="button" className="btn btn-small" onClick={() => set({ constraints: [...m.constraints, { figure: '', max: '' }] })} title="Variants above the limit are infeasible" data-testid="study-constraint-add">
                + constraint
              </button>
            </div>
          ) : null}
          <div className="builder-inline">
            {m.kind === 'nsga2' ? (
              <>
                {number('population', 'Population')}
                {number('generations', 'Generations')}
              </>
            ) : m.kind === 'morris' ? (
              <>
                {number('trajectories', 'Trajectories')}
                {number('levels', 'Levels')}
              </>
            ) : (
              number('samples', 'Samples (N)', "Saltelli's base samples: more narrows the indices' intervals")
            )}
            {number('seed', 'Seed')}
            {weatherCount > 1 ? (
              <>
                <label className="field-label" htmlFor="study-method-weather">
                  Over the weather files
                </label>
                <select id="study-method-weather" value={m.weather} onChange={(e) => set({ weather: e.target.value as MethodDraft['weather'] })} data-testid="study-method-weather">
                  <option value="mean">the mean</option>
                  <option value="worst">the worst (robust)</option>
                </select>
              </>
            ) : null}
          </div>
          <p className="subtle small" data-testid="study-method-note">
            {NOTES[m.kind]}
          </p>
        </>
      )}
      {error ? (
        <p className="field-error" role="alert" data-testid="study-method-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
