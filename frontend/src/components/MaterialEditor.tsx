import { useMemo, useState } from 'react'
import { deleteMaterial, saveMaterial, type LibraryView, type Material } from '../bridge'
import {
  GWP_METRICS,
  KIND_AIR_GAP,
  KIND_LABELS,
  KINDS,
  materialFieldsFor,
  materialToForm,
  newMaterial,
  problemsFor,
  pruneForKind,
  readMaterialForm,
  ROUGHNESSES,
  validateMaterial,
  type MaterialForm,
} from '../lib/library'
import { useBusyAction } from '../hooks/useBusyAction'
import { ConfirmButton } from './ConfirmButton'
import { EditorHead } from './EditorHead'
import { FormField } from './FormField'

interface Props {
  library: LibraryView
  /** null for a new material */
  material: Material | null
  currency: string
  onChanged: (view: LibraryView, selectId: string | null) => void
  onClose: () => void
}

const NUMBER_LABELS: Record<string, { label: string; unit: string; help?: string }> = {
  thicknessM: { label: 'Fixed thickness', unit: 'mm', help: 'Only for products that come in one thickness (boards, films); otherwise each construction layer sets it.' },
  conductivity: { label: 'Conductivity λ', unit: 'W/(m·K)' },
  density: { label: 'Density ρ', unit: 'kg/m³' },
  specificHeat: { label: 'Specific heat c', unit: 'J/(kg·K)', help: 'EnergyPlus needs at least 100.' },
  thermalResistance: { label: 'Thermal resistance R', unit: 'm²K/W' },
  thermalAbsorptance: { label: 'Thermal absorptance', unit: '0–1', help: 'Blank: EnergyPlus uses 0.9.' },
  solarAbsorptance: { label: 'Solar absorptance', unit: '0–1', help: 'Blank: EnergyPlus uses 0.7.' },
  visibleAbsorptance: { label: 'Visible absorptance', unit: '0–1', help: 'Blank: EnergyPlus uses 0.7.' },
  gwpPerKg: { label: 'GWP per kg', unit: 'kg CO2e/kg', help: 'Times the layer mass (density × thickness). Give this or per m², not both.' },
  gwpPerM2: { label: 'GWP per m²', unit: 'kg CO2e/m²', help: 'Per m² of layer, whatever its thickness.' },
  costPerM2Per100mm: { label: 'Cost per m² per 100 mm', unit: 'per m²·100 mm', help: 'Scaled with the layer thickness.' },
  costPerM2: { label: 'Cost per m²', unit: 'per m²', help: 'Per m² of layer, whatever its thickness (fixed products, installed prices).' },
}

/** Edits one material: every number with its source; a blank stays blank (missing), never 0. */
export function MaterialEditor({ library, material, currency, onChanged, onClose }: Props) {
  const isNew = material === null
  const takenIds = useMemo(() => (library.materials ?? []).map((m) => m.id), [library.materials])
  const [form, setForm] = useState<MaterialForm>(() => materialToForm(material ?? newMaterial(takenIds, currency)))
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [tried, setTried] = useState(false)
  const { busy, error, setError, run } = useBusyAction<'save' | 'delete'>()
  const [saved, setSaved] = useState(false)

  const read = readMaterialForm(form)
  const rules = validateMaterial(pruneForKind(read.value))
  const stored = material ? problemsFor(library.problems, 'material', material.id) : {}
  const shown = (field: string): string[] => {
    const out: string[] = []
    if (read.errors[field]) out.push(read.errors[field])
    else if (rules[field] && (tried || touched.has(field) || !isNew)) out.push(rules[field])
    for (const m of stored[field] ?? []) if (!out.includes(m)) out.push(m)
    return out
  }
  const usedBy = material ? (library.constructions ?? []).filter((v) => (v.construction.layers ?? []).some((l) => l.materialId === material.id)).map((v) => v.construction) : []
  const fields = materialFieldsFor(form.kind)

  const set = (field: keyof MaterialForm, v: string) => {
    setForm((f) => ({ ...f, [field]: v }))
    setTouched((t) => new Set(t).add(field))
    setSaved(false)
    setError(null)
  }

  const num = (field: keyof typeof NUMBER_LABELS) => (
    <FormField
      key={field}
      id={`material-${field}`}
      label={NUMBER_LABELS[field].label}
      unit={NUMBER_LABELS[field].unit}
      help={NUMBER_LABELS[field].help}
      numeric
      value={form[field as keyof MaterialForm] as string}
      onChange={(v) => set(field as keyof MaterialForm, v)}
      placeholder="blank"
      error={shown(field)}
      testId={`material-field-${field}`}
    />
  )
  const text = (field: keyof MaterialForm, label: string, help?: string, multiline = false) => (
    <FormField
      key={field}
      id={`material-${field}`}
      label={label}
      help={help}
      value={String(form[field] ?? '')}
      onChange={(v) => set(field, v)}
      error={shown(field)}
      multiline={multiline}
      testId={`material-field-${field}`}
    />
  )

  const save = async () => {
    setTried(true)
    setError(null)
    if (!read.ok) {
      setError('Some numbers cannot be read: see the marked fields.')
      return
    }
    await run('save', async () => {
      const m = pruneForKind(read.value)
      const v = await saveMaterial(m)
      setSaved(true)
      onChanged(v, m.id)
    })
  }

  const remove = async () => {
    if (!material) return
    // Go refuses to delete a material a construction uses, naming them.
    await run('delete', async () => onChanged(await deleteMaterial(material.id), null))
  }

  return (
    <section className="panel editor" aria-labelledby="material-editor-heading" data-testid="material-editor">
      <EditorHead headingId="material-editor-heading" title={isNew ? 'New material' : material.name || material.id} onClose={onClose} itemId={isNew ? undefined : material.id} usedBy={usedBy} />
      <form
        className="editor-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <div className="form-grid">
          {text('name', 'Name')}
          {isNew ? text('id', 'Id', 'Letters, digits, _ - .') : null}
          {text('category', 'Category', 'insulation, masonry, board, …')}
          <div className="form-field">
            <label htmlFor="material-kind" className="field-label">
              Kind (EnergyPlus object)
            </label>
            <select id="material-kind" value={form.kind} onChange={(e) => set('kind', e.target.value)} data-testid="material-field-kind">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
        </div>

        <fieldset className="form-section">
          <legend>Thermal properties</legend>
          <div className="form-grid">
            {fields.thermal.map((f) => num(f))}
            {form.kind !== KIND_AIR_GAP ? num('thicknessM') : null}
            {fields.surface ? (
              <div className="form-field">
                <label htmlFor="material-roughness" className="field-label">
                  Roughness
                </label>
                <select id="material-roughness" value={form.roughness} onChange={(e) => set('roughness', e.target.value)} aria-invalid={shown('roughness').length > 0 || undefined} data-testid="material-field-roughness">
                  <option value="">Choose…</option>
                  {ROUGHNESSES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {fields.surface ? (
              <>
                {num('thermalAbsorptance')}
                {num('solarAbsorptance')}
                {num('visibleAbsorptance')}
              </>
            ) : null}
          </div>
          {text('thermalSource', 'Source of the thermal properties', 'Standard, data sheet or database, with table or page.', true)}
        </fieldset>

        <fieldset className="form-section">
          <legend>Embodied carbon (A1-A3)</legend>
          <div className="form-grid">
            {form.kind === 'Material' || form.gwpPerKg.trim() !== '' ? num('gwpPerKg') : null}
            {num('gwpPerM2')}
            <div className="form-field">
              <label htmlFor="material-gwpMetric" className="field-label">
                Counts
              </label>
              <select id="material-gwpMetric" value={form.gwpMetric} onChange={(e) => set('gwpMetric', e.target.value)} data-testid="material-field-gwpMetric">
                <option value="">—</option>
                {GWP_METRICS.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {text('gwpSource', 'Source of the GWP', 'EPD number or database (e.g. ICE v3), with the declared unit.', true)}
        </fieldset>

        <fieldset className="form-section">
          <legend>Cost</legend>
          <div className="form-grid">
            {num('costPerM2Per100mm')}
            {num('costPerM2')}
            {text('currency', 'Currency')}
            {text('costRange', 'Published range', 'Kept as text: a range is not a figure and is never summed.')}
            {text('costBasis', 'Basis', 'material only, installed, excl. VAT, …')}
          </div>
          {text('costSource', 'Source of the cost', undefined, true)}
        </fieldset>

        {text('notes', 'Notes', undefined, true)}

        {error ? (
          <p className="engine-error" role="alert" data-testid="material-error">
            {error}
          </p>
        ) : null}
        {saved ? (
          <p className="engine-notice engine-notice-success" role="status" data-testid="material-saved">
            Saved.
          </p>
        ) : null}
        <div className="engine-actions editor-actions">
          <button type="submit" className="btn btn-primary" disabled={busy !== null} data-testid="material-save">
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          {!isNew ? <ConfirmButton label="Delete" question={`Delete ${material.name || material.id}?`} onConfirm={() => void remove()} disabled={busy !== null} testId="material-delete" /> : null}
          <button type="button" className="btn" onClick={onClose} disabled={busy !== null}>
            Close
          </button>
        </div>
      </form>
    </section>
  )
}
