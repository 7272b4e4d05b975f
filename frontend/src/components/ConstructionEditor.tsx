import { useEffect, useMemo, useRef, useState } from 'react'
import { deleteConstruction, duplicateConstruction, previewConstruction, saveConstruction, type Construction, type ConstructionView, type LibraryView, type Material } from '../bridge'
import { amountView, MISSING } from '../lib/amount'
import { errorMessage, formatNumber } from '../lib/format'
import {
  addLayer,
  constructionToDraft,
  copyOf,
  ELEMENTS,
  elementLabel,
  formatU,
  idProblem,
  KIND_MATERIAL,
  moveLayer,
  newConstructionDraft,
  problemsByLayer,
  readDraft,
  removeLayer,
  setLayerExisting,
  setLayerMaterial,
  setLayerThickness,
  totalMm,
  windowGaps,
  MAX_LAYERS,
  type ConstructionDraft,
} from '../lib/library'
import { AmountText } from './AmountText'
import { ConfirmButton } from './ConfirmButton'
import { FormField } from './FormField'

/** How long typing must pause before the figures are recomputed by Go. */
export const PREVIEW_DEBOUNCE_MS = 250

interface Props {
  library: LibraryView
  /** the construction to edit, or null for a new one of `newElement` */
  construction: Construction | null
  newElement?: string
  onChanged: (view: LibraryView, selectId: string | null) => void
  onClose: () => void
}

function groupByCategory(materials: Material[]): Array<[string, Material[]]> {
  const groups = new Map<string, Material[]>()
  for (const m of [...materials].sort((a, b) => a.name.localeCompare(b.name))) {
    const k = m.category || 'other'
    groups.set(k, [...(groups.get(k) ?? []), m])
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]))
}

/**
 * Edits one construction: layers outside to inside (material and thickness in mm) or a window
 * system; U, GWP and cost are recomputed by Go while typing (debounced) and never typed in.
 */
export function ConstructionEditor({ library, construction, newElement = 'wall', onChanged, onClose }: Props) {
  const isNew = construction === null
  const takenIds = useMemo(() => (library.constructions ?? []).map((v) => v.construction.id), [library.constructions])
  const [draft, setDraft] = useState<ConstructionDraft>(() => (construction ? constructionToDraft(construction) : newConstructionDraft(newElement, takenIds)))
  const [preview, setPreview] = useState<ConstructionView | null>(null)
  const [previewError, setPreviewError] = useState<string | null>(null)
  const [previewing, setPreviewing] = useState(false)
  const [busy, setBusy] = useState<'save' | 'delete' | 'duplicate' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [copy, setCopy] = useState<{ id: string; name: string } | null>(null)
  // Required-field hints wait for the first Save, so a new form does not open full of errors.
  const [tried, setTried] = useState(!isNew)
  // Stable identities: the preview effect runs when what it reads changes, not on every render.
  const materials = useMemo(() => library.materials ?? [], [library.materials])
  const windows = useMemo(() => library.windows ?? [], [library.windows])
  const read = useMemo(() => readDraft(draft, materials), [draft, materials])
  const seq = useRef(0)

  // Live figures: ask Go once typing pauses; a later answer replaces an earlier one only.
  useEffect(() => {
    const mine = ++seq.current
    if (!read.ok) {
      setPreviewing(false)
      return
    }
    setPreviewing(true)
    const t = window.setTimeout(() => {
      previewConstruction(read.construction)
        .then((v) => {
          if (mine !== seq.current) return
          setPreview(v)
          setPreviewError(null)
        })
        .catch((e) => {
          if (mine === seq.current) setPreviewError(errorMessage(e))
        })
        .finally(() => {
          if (mine === seq.current) setPreviewing(false)
        })
    }, PREVIEW_DEBOUNCE_MS)
    return () => window.clearTimeout(t)
  }, [read])

  const edit = (patch: Partial<ConstructionDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setSaved(false)
    setError(null)
  }

  // Problems whose field is a layer's are shown at the layer; the rest (name, id, figures) here.
  const goProblems = problemsByLayer(read.ok ? preview : null)
  const figures = read.ok ? preview?.figures : null
  const idIssue = isNew ? idProblem(draft.id.trim()) : ''
  const idTaken = isNew && takenIds.includes(draft.id.trim())
  const window_ = draft.element === 'window' ? windows.find((w) => w.id === draft.windowSystemId) : undefined
  const layerFigures = figures?.layers ?? []

  const save = async () => {
    setError(null)
    setTried(true)
    if (!read.ok) {
      setError(Object.values(read.layerErrors).join(' '))
      return
    }
    setBusy('save')
    try {
      const v = await saveConstruction(read.construction)
      setSaved(true)
      onChanged(v, read.construction.id)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const remove = async () => {
    if (!construction) return
    setBusy('delete')
    setError(null)
    try {
      onChanged(await deleteConstruction(construction.id), null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const duplicate = async () => {
    if (!construction || !copy) return
    setBusy('duplicate')
    setError(null)
    try {
      const v = await duplicateConstruction(construction.id, copy.id.trim(), copy.name.trim())
      setCopy(null)
      onChanged(v, copy.id.trim())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const gwp = figures ? amountView(figures.gwpPerM2) : null
  const cost = figures ? amountView(figures.costPerM2) : null
  const unusable = read.ok && preview && !preview.error ? preview.unusable : ''

  return (
    <section className="panel editor" aria-labelledby="construction-editor-heading" data-testid="construction-editor">
      <div className="panel-head">
        <h2 id="construction-editor-heading">{isNew ? `New ${elementLabel(draft.element).toLowerCase()} construction` : construction.name || construction.id}</h2>
        <button type="button" className="toast-close" onClick={onClose} aria-label="Close the editor" data-testid="editor-close">
          ×
        </button>
      </div>
      {!isNew && construction.origin ? (
        <p className="subtle editor-origin">
          {construction.origin === 'default' ? 'From the default library.' : construction.origin === 'imported' ? 'Imported from a model.' : 'Your own.'} Id <code>{construction.id}</code>
        </p>
      ) : null}
      <form
        className="editor-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <div className="form-grid">
          <FormField id="construction-name" label="Name" value={draft.name} onChange={(v) => edit({ name: v })} testId="construction-name" error={tried && !draft.name.trim() ? 'the name is empty' : null} />
          {isNew ? (
            <FormField
              id="construction-id"
              label="Id"
              value={draft.id}
              onChange={(v) => edit({ id: v })}
              testId="construction-id"
              error={idIssue || (idTaken ? `the id ${draft.id.trim()} is taken: saving would replace that construction` : null)}
              help="Letters, digits, _ - . — used in study specs and EnergyPlus names."
            />
          ) : null}
          <div className="form-field">
            <label htmlFor="construction-element" className="field-label">
              Element
            </label>
            <select
              id="construction-element"
              value={draft.element}
              disabled={!isNew}
              onChange={(e) => {
                const el = e.target.value
                edit(el === 'window' ? { element: el, layers: [], windowSystemId: '' } : { element: el, layers: draft.layers.length ? draft.layers : addLayer([]) })
              }}
              data-testid="construction-element"
            >
              {ELEMENTS.map((el) => (
                <option key={el} value={el}>
                  {elementLabel(el)}
                </option>
              ))}
            </select>
          </div>
        </div>

        {draft.element === 'window' ? (
          <div className="form-field">
            <label htmlFor="construction-window-system" className="field-label">
              Window system
            </label>
            <select id="construction-window-system" value={draft.windowSystemId} onChange={(e) => edit({ windowSystemId: e.target.value })} data-testid="construction-window-system">
              <option value="">Choose…</option>
              {windows.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} — U {w.uFactor ?? MISSING}
                  {windowGaps(w) ? ' (SHGC/VT missing)' : ''}
                </option>
              ))}
            </select>
            {window_ && windowGaps(window_) ? <p className="hint hint-warning">{window_.name}: {windowGaps(window_)}</p> : null}
          </div>
        ) : (
          <fieldset className="layers" data-testid="layers">
            <legend className="field-label">
              Layers, outside → inside <span className="subtle">({formatNumber(totalMm(draft.layers), 1)} mm in total)</span>
            </legend>
            <table className="layer-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Material</th>
                  <th scope="col" className="num">
                    Thickness <span className="th-unit">mm</span>
                  </th>
                  <th scope="col" title="Kept by the renovation (the existing wall or slab): counts in the U-value, adds no embodied carbon and no cost">
                    Existing
                  </th>
                  <th scope="col" className="num" title="Thermal resistance of the layer">
                    R <span className="th-unit">m²K/W</span>
                  </th>
                  <th scope="col" className="num" title="Embodied carbon of the layer per m² of construction">
                    GWP <span className="th-unit">kg/m²</span>
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.layers.map((l, i) => {
                  const m = materials.find((x) => x.id === l.materialId)
                  const lf = layerFigures[i]
                  const errs = [read.layerErrors[i], ...(goProblems.layers[i] ?? [])].filter(Boolean)
                  return (
                    <tr key={l.key} className={errs.length ? 'layer-invalid' : undefined}>
                      <td className="layer-n">{i + 1}</td>
                      <td>
                        <select
                          value={l.materialId}
                          onChange={(e) => edit({ layers: setLayerMaterial(draft.layers, i, materials.find((x) => x.id === e.target.value) ?? null) })}
                          aria-label={`Layer ${i + 1} material`}
                          aria-invalid={!l.materialId || undefined}
                          data-testid={`layer-material-${i}`}
                        >
                          <option value="">Choose a material…</option>
                          {groupByCategory(materials).map(([cat, ms]) => (
                            <optgroup key={cat} label={cat}>
                              {ms.map((x) => (
                                <option key={x.id} value={x.id}>
                                  {x.name}
                                </option>
                              ))}
                            </optgroup>
                          ))}
                        </select>
                        {errs.length ? (
                          <p className="field-error" data-testid={`layer-error-${i}`}>
                            {errs.join(' ')}
                          </p>
                        ) : null}
                      </td>
                      <td className="num">
                        <input
                          type="text"
                          inputMode="decimal"
                          className="text-input number-input layer-mm"
                          value={l.thicknessMm}
                          placeholder={m && m.kind !== KIND_MATERIAL ? 'n/a' : 'mm'}
                          onChange={(e) => edit({ layers: setLayerThickness(draft.layers, i, e.target.value) })}
                          aria-label={`Layer ${i + 1} thickness in mm`}
                          aria-invalid={errs.length > 0 || undefined}
                          data-testid={`layer-thickness-${i}`}
                        />
                      </td>
                      <td className="layer-existing">
                        <input
                          type="checkbox"
                          checked={l.existing}
                          onChange={(e) => edit({ layers: setLayerExisting(draft.layers, i, e.target.checked) })}
                          aria-label={`Layer ${i + 1} is kept by the renovation (no GWP, no cost)`}
                          data-testid={`layer-existing-${i}`}
                        />
                      </td>
                      <td className="num subtle">{lf ? formatNumber(lf.r, 3) : ''}</td>
                      <td className="num subtle">
                        {!lf ? '' : l.existing ? (
                          <span title="Kept by the renovation: no embodied carbon">existing</span>
                        ) : lf.gwp === null || lf.gwp === undefined ? (
                          <span className="amount-missing" title={`Missing: GWP of ${lf.materialId}`}>
                            {MISSING}
                          </span>
                        ) : (
                          formatNumber(lf.gwp)
                        )}
                      </td>
                      <td className="layer-actions">
                        <button type="button" className="icon-button" onClick={() => edit({ layers: moveLayer(draft.layers, i, -1) })} disabled={i === 0} aria-label={`Move layer ${i + 1} outwards`} data-testid={`layer-up-${i}`}>
                          ↑
                        </button>
                        <button
                          type="button"
                          className="icon-button"
                          onClick={() => edit({ layers: moveLayer(draft.layers, i, 1) })}
                          disabled={i === draft.layers.length - 1}
                          aria-label={`Move layer ${i + 1} inwards`}
                          data-testid={`layer-down-${i}`}
                        >
                          ↓
                        </button>
                        <button type="button" className="icon-button" onClick={() => edit({ layers: removeLayer(draft.layers, i) })} aria-label={`Remove layer ${i + 1}`} data-testid={`layer-remove-${i}`}>
                          ×
                        </button>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
            <button type="button" className="btn btn-small" onClick={() => edit({ layers: addLayer(draft.layers) })} disabled={draft.layers.length >= MAX_LAYERS} data-testid="layer-add">
              + Add layer (inside)
            </button>
            {draft.layers.length >= MAX_LAYERS ? <span className="subtle"> EnergyPlus allows at most {MAX_LAYERS} layers.</span> : null}
          </fieldset>
        )}

        <FormField id="construction-notes" label="Notes" value={draft.notes} onChange={(v) => edit({ notes: v })} multiline testId="construction-notes" />

        <div className="preview" aria-live="polite" data-testid="construction-preview" data-busy={previewing ? 'true' : 'false'}>
          <h3>
            Computed figures <span className="subtle">{previewing ? '· updating…' : 'per m² of construction'}</span>
          </h3>
          {!read.ok ? (
            <p className="subtle">Complete the layers to see U, GWP and cost.</p>
          ) : previewError ? (
            <p className="engine-error">{previewError}</p>
          ) : figures ? (
            <dl className="preview-figures">
              <div>
                <dt>U-value</dt>
                <dd data-testid="preview-u">
                  <strong>{formatU(figures.u)}</strong>
                  {figures.element !== 'window' ? (
                    <span className="subtle block">
                      R<sub>si</sub> {figures.rsi} + layers {formatNumber(figures.rLayers, 3)} + R<sub>se</sub> {figures.rse} = {formatNumber(figures.rTotal, 3)} m²K/W · heat flow {figures.heatFlow} (EN ISO 6946)
                    </span>
                  ) : (
                    <span className="subtle block">
                      rated, with films{figures.uBasis ? ` (${figures.uBasis})` : ''} · SHGC {figures.shgc ?? MISSING} · VT {figures.visibleTransmittance ?? MISSING}
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt>GWP A1-A3</dt>
                <dd data-testid="preview-gwp">
                  <AmountText view={gwp!} unit={`kg ${figures.gwpMetric || 'CO2e'}/m²`} sayMissing />
                  {!gwp!.complete ? <MissingList items={gwp!.missing} /> : null}
                </dd>
              </div>
              <div>
                <dt>Cost</dt>
                <dd data-testid="preview-cost">
                  <AmountText view={cost!} unit={`${figures.currency || ''}/m²`.trim()} sayMissing />
                  {!cost!.complete ? <MissingList items={cost!.missing} /> : null}
                </dd>
              </div>
            </dl>
          ) : preview?.error ? null : (
            <p className="subtle">Computing…</p>
          )}
          {goProblems.general.length > 0 ? (
            <ul className="problem-list" data-testid="construction-problems">
              {goProblems.general.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          ) : null}
          {unusable ? (
            <p className="hint hint-warning" data-testid="construction-unusable-note">
              Cannot be used in a study yet: {unusable}
            </p>
          ) : null}
        </div>

        {error ? (
          <p className="engine-error" role="alert" data-testid="construction-error">
            {error}
          </p>
        ) : null}
        {saved ? (
          <p className="engine-notice engine-notice-success" role="status" data-testid="construction-saved">
            Saved.
          </p>
        ) : null}
        {copy ? (
          <div className="copy-form" data-testid="construction-copy-form">
            <FormField id="copy-id" label="Id of the copy" value={copy.id} onChange={(v) => setCopy({ ...copy, id: v })} error={idProblem(copy.id.trim()) || (takenIds.includes(copy.id.trim()) ? 'this id is taken' : null)} testId="copy-id" />
            <FormField id="copy-name" label="Name of the copy" value={copy.name} onChange={(v) => setCopy({ ...copy, name: v })} testId="copy-name" />
            <div className="engine-actions">
              <button type="button" className="btn btn-primary" onClick={() => void duplicate()} disabled={busy !== null || Boolean(idProblem(copy.id.trim())) || takenIds.includes(copy.id.trim())} data-testid="copy-confirm">
                {busy === 'duplicate' ? 'Copying…' : 'Make the copy'}
              </button>
              <button type="button" className="btn" onClick={() => setCopy(null)}>
                Cancel
              </button>
              <span className="subtle">The copy is made of the saved version.</span>
            </div>
          </div>
        ) : null}
        <div className="engine-actions editor-actions">
          <button type="submit" className="btn btn-primary" disabled={busy !== null} data-testid="construction-save">
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          {!isNew ? (
            <>
              <button type="button" className="btn" onClick={() => setCopy(copyOf(construction, takenIds))} disabled={busy !== null || copy !== null} data-testid="construction-duplicate">
                Duplicate…
              </button>
              <ConfirmButton label="Delete" question={`Delete ${construction.name || construction.id}?`} onConfirm={() => void remove()} disabled={busy !== null} testId="construction-delete" />
            </>
          ) : null}
          <button type="button" className="btn" onClick={onClose} disabled={busy !== null}>
            Close
          </button>
        </div>
      </form>
    </section>
  )
}

function MissingList({ items }: { items: string[] }) {
  return (
    <ul className="missing-list">
      {items.map((m) => (
        <li key={m}>Missing: {m}</li>
      ))}
    </ul>
  )
}
