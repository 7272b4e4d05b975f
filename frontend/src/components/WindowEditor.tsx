import { useMemo, useState } from 'react'
import { deleteWindowSystem, saveWindowSystem, type LibraryView, type WindowSystem } from '../bridge'
import { newWindowSystem, problemsFor, readWindowForm, validateWindow, windowGaps, windowToForm, type WindowForm } from '../lib/library'
import { useBusyAction } from '../hooks/useBusyAction'
import { ConfirmButton } from './ConfirmButton'
import { EditorHead } from './EditorHead'
import { FormField } from './FormField'

interface Props {
  library: LibraryView
  window: WindowSystem | null
  currency: string
  onChanged: (view: LibraryView, selectId: string | null) => void
  onClose: () => void
}

const NUMBERS: Record<string, { label: string; unit: string; help?: string }> = {
  uFactor: { label: 'U-factor', unit: 'W/(m²·K)', help: 'With surface films, as rated.' },
  shgc: { label: 'SHGC', unit: '0–1', help: 'Solar heat gain coefficient. A variant needs it.' },
  visibleTransmittance: { label: 'Visible transmittance', unit: '0–1', help: 'A variant needs it.' },
  gwpPerM2: { label: 'GWP per m²', unit: 'kg CO2e/m²' },
  costPerM2: { label: 'Cost per m²', unit: 'per m²' },
}

/** Edits one window system (EnergyPlus's simple glazing system): U, SHGC, VT, GWP and cost, each with a source. */
export function WindowEditor({ library, window: win, currency, onChanged, onClose }: Props) {
  const isNew = win === null
  const takenIds = useMemo(() => (library.windows ?? []).map((w) => w.id), [library.windows])
  const [form, setForm] = useState<WindowForm>(() => windowToForm(win ?? newWindowSystem(takenIds, currency)))
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [tried, setTried] = useState(false)
  const { busy, error, setError, run } = useBusyAction<'save' | 'delete'>()
  const [saved, setSaved] = useState(false)

  const read = readWindowForm(form)
  const rules = validateWindow(read.value)
  const stored = win ? problemsFor(library.problems, 'window system', win.id) : {}
  const shown = (field: string): string[] => {
    const out: string[] = []
    if (read.errors[field]) out.push(read.errors[field])
    else if (rules[field] && (tried || touched.has(field) || !isNew)) out.push(rules[field])
    for (const m of stored[field] ?? []) if (!out.includes(m)) out.push(m)
    return out
  }
  const gaps = windowGaps(read.value)
  const usedBy = win ? (library.constructions ?? []).filter((v) => v.construction.windowSystemId === win.id).map((v) => v.construction) : []

  const set = (field: keyof WindowForm, v: string) => {
    setForm((f) => ({ ...f, [field]: v }))
    setTouched((t) => new Set(t).add(field))
    setSaved(false)
    setError(null)
  }
  const num = (field: string) => (
    <FormField
      key={field}
      id={`window-${field}`}
      label={NUMBERS[field].label}
      unit={NUMBERS[field].unit}
      help={NUMBERS[field].help}
      numeric
      placeholder="blank"
      value={form[field as keyof WindowForm] as string}
      onChange={(v) => set(field as keyof WindowForm, v)}
      error={shown(field)}
      testId={`window-field-${field}`}
    />
  )
  const text = (field: keyof WindowForm, label: string, help?: string, multiline = false) => (
    <FormField key={field} id={`window-${field}`} label={label} help={help} value={String(form[field] ?? '')} onChange={(v) => set(field, v)} error={shown(field)} multiline={multiline} testId={`window-field-${field}`} />
  )

  const save = async () => {
    setTried(true)
    setError(null)
    if (!read.ok) {
      setError('Some numbers cannot be read: see the marked fields.')
      return
    }
    await run('save', async () => {
      const v = await saveWindowSystem(read.value)
      setSaved(true)
      onChanged(v, read.value.id)
    })
  }

  const remove = async () => {
    if (!win) return
    await run('delete', async () => onChanged(await deleteWindowSystem(win.id), null))
  }

  return (
    <section className="panel editor" aria-labelledby="window-editor-heading" data-testid="window-editor">
      <EditorHead headingId="window-editor-heading" title={isNew ? 'New window system' : win.name || win.id} onClose={onClose} itemId={isNew ? undefined : win.id} usedBy={usedBy} />
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
        </div>
        <fieldset className="form-section">
          <legend>Optical and thermal</legend>
          <div className="form-grid">
            {num('uFactor')}
            {num('shgc')}
            {num('visibleTransmittance')}
            {text('uBasis', 'U basis', 'centre of glass, whole window, …')}
          </div>
          {text('source', 'Source of U, SHGC and VT', 'Data sheet, EN 673/410 or NFRC label.', true)}
          {gaps ? (
            <p className="hint hint-warning" data-testid="window-gaps">
              {gaps}
            </p>
          ) : null}
        </fieldset>
        <fieldset className="form-section">
          <legend>Embodied carbon</legend>
          <div className="form-grid">
            {num('gwpPerM2')}
            {text('gwpBasis', 'GWP basis', 'per m² of window, frame included, …')}
          </div>
          {text('gwpSource', 'Source of the GWP', undefined, true)}
        </fieldset>
        <fieldset className="form-section">
          <legend>Cost</legend>
          <div className="form-grid">
            {num('costPerM2')}
            {text('currency', 'Currency')}
          </div>
          {text('costSource', 'Source of the cost', undefined, true)}
        </fieldset>
        {text('notes', 'Notes', undefined, true)}
        {error ? (
          <p className="engine-error" role="alert" data-testid="window-error">
            {error}
          </p>
        ) : null}
        {saved ? (
          <p className="engine-notice engine-notice-success" role="status" data-testid="window-saved">
            Saved.
          </p>
        ) : null}
        <div className="engine-actions editor-actions">
          <button type="submit" className="btn btn-primary" disabled={busy !== null} data-testid="window-save">
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          {!isNew ? <ConfirmButton label="Delete" question={`Delete ${win.name || win.id}?`} onConfirm={() => void remove()} disabled={busy !== null} testId="window-delete" /> : null}
          <button type="button" className="btn" onClick={onClose} disabled={busy !== null}>
            Close
          </button>
        </div>
      </form>
    </section>
  )
}
