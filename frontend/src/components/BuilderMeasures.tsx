import { Fragment } from 'react'
import type { TemplateFit } from '../bridge'
import {
  addField,
  addRow,
  measureWidth,
  newFieldMeasure,
  newTemplateMeasure,
  optionCostsOf,
  PER_CHOICES,
  removeField,
  removeRow,
  setCell,
  setField,
  setOptionCosts,
  setPerOption,
  usesRows,
  type CostKey,
  type MeasureDraft,
  type Per,
  type ValuesKind,
} from '../lib/measures'

interface Props {
  measures: MeasureDraft[]
  /** each measure's id as the spec will carry it (typed or generated) */
  ids: string[]
  onChange: (measures: MeasureDraft[]) => void
  /** the base model's templates (null while asked for, or without a model) */
  templates: TemplateFit[] | null
  templatesError: string | null
  /** sampling (Latin hypercube, Sobol) or a method: an interval can be sampled */
  continuousAllowed: boolean
  /** Go's complaint about one measure, by its index, shown in its card */
  errors: Record<number, string>
}

/** The builder's measures: steps on any IDF field, or a template's, with their options and costs. */
export function BuilderMeasures({ measures, ids, onChange, templates, templatesError, continuousAllowed, errors }: Props) {
  const update = (i: number, d: MeasureDraft) => onChange(measures.map((m, k) => (k === i ? d : m)))
  const inapplicable = (templates ?? []).filter((t) => !t.applies)
  return (
    <fieldset className="form-section builder-measures" data-testid="study-measures">
      <legend>
        Measures <span className="count">{measures.length}</span>
      </legend>
      <p className="subtle small">Steps on any field of the model beside the constructions: each measure is one more axis of the variants.</p>
      {measures.map((d, i) => (
        <MeasureCard
          key={d.key}
          index={i}
          draft={d}
          id={ids[i]}
          onChange={(n) => update(i, n)}
          onRemove={() => onChange(measures.filter((_, k) => k !== i))}
          continuousAllowed={continuousAllowed}
          error={errors[i]}
          template={templates?.find((t) => t.id === d.template)}
        />
      ))}
      <div className="builder-inline">
        <label className="field-label" htmlFor="study-measure-template">
          Add a measure
        </label>
        <select
          id="study-measure-template"
          value=""
          disabled={!templates}
          onChange={(e) => {
            const t = templates?.find((x) => x.id === e.target.value && x.applies)
            if (t) onChange([...measures, newTemplateMeasure(measures, t)])
          }}
          data-testid="study-measure-template"
        >
          <option value="">{templates ? 'from a template…' : 'choose a base model for its templates'}</option>
          {(templates ?? []).map((t) => (
            <option key={t.id} value={t.id} disabled={!t.applies} title={t.applies ? t.description : (t.reason ?? '')} data-testid={`study-template-${t.id}`}>
              {t.name}
              {t.applies ? '' : ' (does not apply)'}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-small" onClick={() => onChange([...measures, newFieldMeasure(measures)])} data-testid="study-measure-add-field">
          + Field measure
        </button>
      </div>
      {templatesError ? <p className="field-error">{templatesError}</p> : null}
      {inapplicable.length ? (
        // The reasons name every object class a template looks for: a line each would push the
        // method and the Create button down, so they wait behind one line until asked.
        <details className="subtle small template-reasons" data-testid="study-templates-inapplicable">
          <summary>
            {inapplicable.length === 1 ? `${inapplicable[0].name} does not apply to this model` : `${inapplicable.length} templates do not apply to this model`}: why
          </summary>
          <ul>
            {inapplicable.map((t) => (
              <li key={t.id} data-testid={`study-template-reason-${t.id}`}>
                <strong>{t.name}</strong> does not apply: {t.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  )
}

interface CardProps {
  index: number
  draft: MeasureDraft
  id: string
  onChange: (d: MeasureDraft) => void
  onRemove: () => void
  continuousAllowed: boolean
  error?: string
  template?: TemplateFit
}

/** The cost inputs, of the measure and of each option: the draft's key, the words beside it, its aria name. */
const COSTS: readonly (readonly [CostKey, string, string])[] = [
  ['investment', 'investment', 'investment'],
  ['gwp', 'GWP kg CO2e', 'GWP, kg CO2e'],
  ['life', 'service life, years', 'service life in years'],
]

const KINDS: readonly (readonly [ValuesKind, string])[] = [
  ['list', 'a list of options'],
  ['range', 'a range with a step'],
  ['continuous', 'continuous (sampled)'],
]

function MeasureCard({ index, draft: d, id, onChange, onRemove, continuousAllowed, error, template }: CardProps) {
  const n = index + 1
  const tid = `study-measure-${index}`
  const set = (patch: Partial<MeasureDraft>) => onChange({ ...d, ...patch })
  const width = measureWidth(d)
  const columns = d.template ? d.templateValues : d.fields.map((f, j) => f.field.trim() || `field ${j + 1}`)
  const label = d.name.trim() || (d.template ? template?.name : d.fields[0]?.field.trim()) || `Measure ${n}`
  const input = (key: 'from' | 'to' | 'step' | 'min' | 'max' | 'investment' | 'gwp' | 'life', aria: string, placeholder = '') => (
    <input
      type="text"
      inputMode="decimal"
      className="text-input number-input short-input"
      value={d[key]}
      placeholder={placeholder}
      aria-label={`Measure ${n} ${aria}`}
      onChange={(e) => set({ [key]: e.target.value })}
      data-testid={`${tid}-${key}`}
    />
  )
  return (
    <fieldset className="measure-card" data-testid={tid} aria-invalid={error ? true : undefined}>
      <legend className="field-label">
        {label}
        {d.template ? <span className="subtle small"> template</span> : null}
        <button type="button" className="icon-button" onClick={onRemove} aria-label={`Remove measure ${n}`} data-testid={`${tid}-remove`}>
          ×
        </button>
      </legend>
      <div className="builder-inline">
        <label className="field-label" htmlFor={`${tid}-name`}>
          Name
        </label>
        <input id={`${tid}-name`} type="text" className="text-input text-input-plain" value={d.name} placeholder={d.fields[0]?.field || 'e.g. LED exterior lights'} onChange={(e) => set({ name: e.target.value })} data-testid={`${tid}-name`} />
        <label className="field-label" htmlFor={`${tid}-id`} title="The measure's short key in variant ids, packages and the command line: letters, digits, - and _">
          Id
        </label>
        <input
          id={`${tid}-id`}
          type="text"
          className="text-input text-input-plain id-input"
          value={d.idEdited ? d.id : id}
          placeholder={id}
          spellCheck={false}
          onChange={(e) => set({ id: e.target.value, idEdited: true })}
          data-testid={`${tid}-id`}
        />
      </div>
      {d.template ? (
        <p className="subtle small">{template?.description}</p>
      ) : (
        <div className="measure-fields">
          <div className="measure-field-grid">
            <span className="field-label">Class</span>
            <span className="field-label" title="Every object of the class when empty or *, one by its name, or the names a /regular expression/ matches">
              Objects
            </span>
            <span className="field-label" title="The field's name as the IDD (and IDF Editor) names it">
              IDD field
            </span>
            <span />
            {d.fields.map((f, j) => (
              <div className="measure-field-row" key={j} data-testid={`${tid}-field-${j}`}>
                <input type="text" className="text-input text-input-plain" value={f.class} placeholder="e.g. Exterior:Lights" aria-label={`Measure ${n} field ${j + 1} class`} spellCheck={false} onChange={(e) => onChange(setField(d, j, { class: e.target.value }))} data-testid={`${tid}-field-${j}-class`} />
                <input type="text" className="text-input text-input-plain" value={f.name} placeholder="all, a name or /regexp/" aria-label={`Measure ${n} field ${j + 1} object names`} spellCheck={false} onChange={(e) => onChange(setField(d, j, { name: e.target.value }))} data-testid={`${tid}-field-${j}-name`} />
                <input type="text" className="text-input text-input-plain" value={f.field} placeholder="e.g. Design Level" aria-label={`Measure ${n} field ${j + 1} IDD field name`} spellCheck={false} onChange={(e) => onChange(setField(d, j, { field: e.target.value }))} data-testid={`${tid}-field-${j}-field`} />
                {d.fields.length > 1 ? (
                  <button type="button" className="icon-button" onClick={() => onChange(removeField(d, j))} aria-label={`Remove field ${j + 1} of measure ${n}`} data-testid={`${tid}-field-${j}-remove`}>
                    ×
                  </button>
                ) : (
                  <span />
                )}
              </div>
            ))}
          </div>
          <button type="button" className="btn btn-small" onClick={() => onChange(addField(d))} title="Another field that takes its own value in every option (a heat pump's heating and cooling COP)" data-testid={`${tid}-add-field`}>
            + field
          </button>
        </div>
      )}
      <div className="builder-inline">
        <label className="field-label" htmlFor={`${tid}-kind`}>
          Values
        </label>
        <select id={`${tid}-kind`} value={d.kind} onChange={(e) => set({ kind: e.target.value as ValuesKind })} data-testid={`${tid}-kind`}>
          {KINDS.map(([k, text]) => (
            <option key={k} value={k} disabled={k !== 'list' && (width !== 1 || (k === 'continuous' && !continuousAllowed))}>
              {text}
            </option>
          ))}
        </select>
        {d.kind === 'list' && !usesRows(d) ? (
          <input type="text" className="text-input text-input-plain" value={d.list} placeholder="comma-separated, e.g. 1000, 2500" aria-label={`Measure ${n} values`} onChange={(e) => set({ list: e.target.value })} data-testid={`${tid}-list`} />
        ) : null}
        {d.kind === 'range' ? (
          <>
            {input('from', 'from', 'from')}
            {input('to', 'to', 'to')}
            {input('step', 'step', 'step')}
          </>
        ) : null}
        {d.kind === 'continuous' ? (
          <>
            {input('min', 'min', 'min')}
            {input('max', 'max', 'max')}
          </>
        ) : null}
        <label className="check check-compact" title={d.kind === 'continuous' ? 'A continuous measure always sets a sampled value' : 'Leaving the model as it is is one of the options'}>
          <input type="checkbox" checked={d.keep && d.kind !== 'continuous'} disabled={d.kind === 'continuous'} onChange={(e) => set({ keep: e.target.checked })} data-testid={`${tid}-keep`} />
          <span>keep existing</span>
        </label>
        {d.kind === 'list' ? (
          <label className="check check-compact" title="Each option its own label, investment, GWP and service life (a better window costs more); a blank takes the measure's figure">
            <input type="checkbox" checked={d.perOption} onChange={(e) => onChange(setPerOption(d, e.target.checked))} data-testid={`${tid}-per-option`} />
            <span>labels and costs per option</span>
          </label>
        ) : null}
      </div>
      {d.kind === 'list' && usesRows(d) ? (
        <table className="grid-table measure-rows" data-testid={`${tid}-rows`}>
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((c, j) => (
                <th key={j} scope="col">
                  {c}
                </th>
              ))}
              {d.perOption ? (
                <>
                  <th scope="col">label</th>
                  {COSTS.map(([key, words]) => (
                    <th key={key} scope="col">
                      {words}
                    </th>
                  ))}
                </>
              ) : null}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((row, r) => (
              <tr key={r}>
                <td>{r + 1}</td>
                {row.map((cell, c) => (
                  <td key={c}>
                    <input type="text" className="text-input text-input-plain" value={cell} aria-label={`Measure ${n} option ${r + 1}: ${columns[c]}`} onChange={(e) => onChange(setCell(d, r, c, e.target.value))} data-testid={`${tid}-cell-${r}-${c}`} />
                  </td>
                ))}
                {d.perOption ? <OptionCostCells draft={d} row={r} n={n} tid={tid} onChange={onChange} /> : null}
                <td>
                  <button type="button" className="icon-button" onClick={() => onChange(removeRow(d, r))} aria-label={`Remove option ${r + 1} of measure ${n}`}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={columns.length + (d.perOption ? 6 : 2)}>
                <button type="button" className="btn btn-small" onClick={() => onChange(addRow(d))} data-testid={`${tid}-add-option`}>
                  + option
                </button>
                {d.perOption ? (
                  <span className="subtle small" data-testid={`${tid}-per-option-hint`}>
                    {' '}
                    A blank cost takes the measure's figure below; blank there too, it stays missing (never 0).
                  </span>
                ) : null}
              </td>
            </tr>
          </tfoot>
        </table>
      ) : null}
      <div className="builder-inline" title="Per unit of the quantity chosen; a blank is missing (the variants' cost or carbon then say what is missing), never 0">
        <label className="field-label" htmlFor={`${tid}-per`}>
          Costs
        </label>
        <select id={`${tid}-per`} value={d.per} onChange={(e) => set({ per: e.target.value as Per })} data-testid={`${tid}-per`}>
          {PER_CHOICES.map(([p, text]) => (
            <option key={p} value={p}>
              {text}
            </option>
          ))}
        </select>
        {COSTS.map(([key, words, aria]) => (
          <Fragment key={key}>
            <span className="subtle small">{words}</span>
            {input(key, aria, 'missing')}
          </Fragment>
        ))}
        {d.kind === 'list' && d.perOption ? <span className="subtle small">for options without their own</span> : null}
      </div>
      {error ? (
        <p className="field-error" role="alert" data-testid={`${tid}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

/** An option's own label and costs; a blank cost shows the measure's figure it falls back to. */
function OptionCostCells({ draft: d, row, n, tid, onChange }: { draft: MeasureDraft; row: number; n: number; tid: string; onChange: (d: MeasureDraft) => void }) {
  const own = optionCostsOf(d, row)
  return (
    <>
      <td>
        <input type="text" className="text-input text-input-plain" value={own.label} placeholder="label" aria-label={`Measure ${n} option ${row + 1} label`} onChange={(e) => onChange(setOptionCosts(d, row, { label: e.target.value }))} data-testid={`${tid}-option-${row}-label`} />
      </td>
      {COSTS.map(([key, , aria]) => (
        <td key={key}>
          <input
            type="text"
            inputMode="decimal"
            className="text-input number-input"
            value={own[key]}
            placeholder={d[key].trim() || 'missing'}
            aria-label={`Measure ${n} option ${row + 1} ${aria}`}
            onChange={(e) => onChange(setOptionCosts(d, row, { [key]: e.target.value }))}
            data-testid={`${tid}-option-${row}-${key}`}
          />
        </td>
      ))}
    </>
  )
}
