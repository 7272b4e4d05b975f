import { useEffect, useState } from 'react'
import { getVariantDiff, getVariantRawDiff, type IdfObjectChange, type IdfRawDiff, type VariantDiff } from '../bridge'
import { errorMessage } from '../lib/format'
import { changeKind, changeSummary, FIRST_OBJECTS, objectLines, rawLineClass } from '../lib/variantDiff'

const KIND_BADGE = { added: 'badge-success', removed: 'badge-danger', changed: 'badge-warning' } as const

/** A blank value is shown as blank, said so: an empty cell would read as "not loaded". */
function Value({ text, line }: { text: string; line: number }) {
  return (
    <>
      {text === '' ? <span className="subtle">(blank)</span> : <span className="idf-value">{text}</span>}
      {line ? <span className="subtle small idf-line"> line {line}</span> : null}
    </>
  )
}

function ObjectChange({ o }: { o: IdfObjectChange }) {
  const kind = changeKind(o)
  return (
    <li className={`idf-change idf-change-${kind}`} data-testid="idf-change" data-kind={kind} data-class={o.class} data-name={o.name}>
      <div className="idf-change-head">
        <span className={`badge ${KIND_BADGE[kind]}`}>{kind}</span>
        <span className="idf-class">{o.class}</span>
        <span className="idf-name" title={o.name}>
          {o.name}
        </span>
        <span className="subtle small">{objectLines(o)}</span>
      </div>
      <table className="grid-table idf-change-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {(o.fields ?? []).map((f) => (
            <tr key={f.index} data-testid="idf-field" data-field={f.name}>
              <th scope="row">{f.name}</th>
              <td data-testid="idf-before">{kind === 'added' ? <span className="subtle">—</span> : <Value text={f.before} line={f.beforeLine} />}</td>
              <td data-testid="idf-after">{kind === 'removed' ? <span className="subtle">—</span> : <Value text={f.after} line={f.afterLine} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  )
}

/** What a variant changes in its base model's IDF: a count, then each object with its fields. */
export function VariantChangesView({ diff, label }: { diff: VariantDiff; label?: string }) {
  const [all, setAll] = useState(false)
  const d = diff.diff
  const objects = d.objects ?? []
  const shown = all ? objects : objects.slice(0, FIRST_OBJECTS)
  const who = label ? `${label} · ${diff.variant}` : diff.variant
  if (diff.baseline) {
    return (
      <p className="subtle" data-testid="variant-changes-summary">
        The baseline is the base model {diff.baseModel} itself: nothing changed.
      </p>
    )
  }
  return (
    <>
      <p data-testid="variant-changes-summary">
        <strong>{who}</strong> against {diff.baseModel}: {objects.length ? changeSummary(d) : 'no change: the variant is the same model as the base'}.
        <span className="subtle small"> Its IDF is {diff.variantModel}; comments and blanks are not counted as changes.</span>
      </p>
      {objects.length ? (
        <ul className="idf-changes" data-testid="variant-changes-list">
          {shown.map((o, i) => (
            <ObjectChange key={`${i}:${o.class}:${o.name}`} o={o} />
          ))}
        </ul>
      ) : null}
      {shown.length < objects.length ? (
        <button type="button" className="btn btn-small" onClick={() => setAll(true)} data-testid="variant-changes-all">
          Show all {objects.length} objects ({objects.length - shown.length} more)
        </button>
      ) : null}
    </>
  )
}

/** The unified line diff, each line marked as added, removed, a hunk head or context. */
export function RawDiffView({ raw }: { raw: IdfRawDiff }) {
  const lines = raw.text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return (
    <>
      <pre className="raw-diff" data-testid="variant-raw-diff">
        {lines.map((l, i) => (
          <span key={i} className={rawLineClass(l)}>
            {l}
            {'\n'}
          </span>
        ))}
      </pre>
      {raw.truncated ? (
        <p className="subtle small" data-testid="variant-raw-truncated">
          The first {raw.lines} of {raw.allLines} lines: the changes above list every object.
        </p>
      ) : null}
    </>
  )
}

function RawDiff({ variantId, load }: { variantId: number; load: (variantId: number) => Promise<IdfRawDiff> }) {
  const [state, setState] = useState<{ raw?: IdfRawDiff; error?: string } | null>(null)
  useEffect(() => {
    let live = true
    setState(null)
    load(variantId).then(
      (raw) => live && setState({ raw }),
      (e) => live && setState({ error: errorMessage(e) }),
    )
    return () => {
      live = false
    }
  }, [variantId, load])
  if (!state) return <p className="subtle">Diffing the lines…</p>
  if (state.error) return <p className="engine-error" role="alert">{state.error}</p>
  return state.raw?.text ? <RawDiffView raw={state.raw} /> : <p className="subtle">The two files are the same text.</p>
}

interface Props {
  variantId: number
  /** the variant's short id in its study ("V1") */
  label?: string
  onClose: () => void
  /** how the diff is asked for; the bridge's by default */
  load?: (variantId: number) => Promise<VariantDiff>
  /** how the line diff is asked for; the bridge's by default */
  loadRaw?: (variantId: number) => Promise<IdfRawDiff>
}

/** The "What changed" panel of a study's variant: loads its IDF diff against the base model. */
export function VariantChanges({ variantId, label, onClose, load = getVariantDiff, loadRaw = getVariantRawDiff }: Props) {
  const [state, setState] = useState<{ id: number; diff?: VariantDiff; error?: string } | null>(null)
  const [raw, setRaw] = useState(false)
  useEffect(() => {
    let live = true
    load(variantId).then(
      (diff) => live && setState({ id: variantId, diff }),
      (e) => live && setState({ id: variantId, error: errorMessage(e) }),
    )
    return () => {
      live = false
    }
  }, [variantId, load])
  const current = state?.id === variantId ? state : null
  return (
    <section className="variant-changes" aria-labelledby="variant-changes-heading" data-testid="variant-changes" data-variant-id={variantId} aria-busy={current ? undefined : 'true'}>
      <div className="panel-head">
        <h3 id="variant-changes-heading">What changed in the IDF</h3>
        <div className="link-buttons">
          {current?.diff && !current.diff.baseline ? (
            <button type="button" className="btn btn-small" aria-pressed={raw} onClick={() => setRaw((r) => !r)} data-testid="variant-changes-raw">
              {raw ? 'Show by object' : 'Show the raw line diff'}
            </button>
          ) : null}
          <button type="button" className="btn btn-small" onClick={onClose} data-testid="variant-changes-close">
            Close
          </button>
        </div>
      </div>
      {!current ? <p className="subtle">Comparing the variant with its base model…</p> : null}
      {current?.error ? (
        <p className="engine-error" role="alert" data-testid="variant-changes-error">
          {current.error}
        </p>
      ) : null}
      {current?.diff && raw && !current.diff.baseline ? <RawDiff variantId={variantId} load={loadRaw} /> : null}
      {current?.diff && !(raw && !current.diff.baseline) ? <VariantChangesView diff={current.diff} label={label} /> : null}
    </section>
  )
}
