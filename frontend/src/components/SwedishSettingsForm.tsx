import { useEffect, useState } from 'react'
import { checkSwedishSettings, getSwedishSettings, saveSwedishSettings, type SwedishSettings } from '../bridge'
import { errorMessage } from '../lib/format'
import { BUILDING_TYPE_LABEL, CARRIER_LABEL } from '../lib/swedish'

interface Props {
  onSaved: (s: SwedishSettings) => void
  onBusy: (busy: boolean) => void
}

type Form = {
  weights: Record<string, string>
  weightsSource: string
  fGeo: string
  fGeoSource: string
  requirements: Record<string, string>
  requirementsSource: string
  threshold: string
  overheatingSource: string
}

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v))

function toForm(s: SwedishSettings): Form {
  const weights: Record<string, string> = {}
  const w = (s.weights ?? {}) as Record<string, number | null>
  for (const c of Object.keys(CARRIER_LABEL)) weights[c] = text(w[c])
  const requirements: Record<string, string> = {}
  for (const t of Object.keys(BUILDING_TYPE_LABEL)) requirements[t] = text(s.requirements?.[t])
  return {
    weights,
    weightsSource: s.weightsSource,
    fGeo: text(s.fGeo),
    fGeoSource: s.fGeoSource,
    requirements,
    requirementsSource: s.requirementsSource,
    threshold: text(s.overheatingThresholdC),
    overheatingSource: s.overheatingSource,
  }
}

/** A number from a text input, null for a blank, NaN for text that is not one (Go names it). */
const num = (v: string) => (v.trim() === '' ? null : Number(v.trim().replace(',', '.')))

function fromForm(f: Form): SwedishSettings {
  const weights: Record<string, number | null> = {}
  for (const [c, v] of Object.entries(f.weights)) weights[c] = num(v)
  const requirements: Record<string, number> = {}
  for (const [t, v] of Object.entries(f.requirements)) if (num(v) !== null) requirements[t] = num(v)!
  return {
    weights: weights as SwedishSettings['weights'],
    weightsSource: f.weightsSource,
    fGeo: num(f.fGeo) ?? 0,
    fGeoSource: f.fGeoSource,
    requirements,
    requirementsSource: f.requirementsSource,
    overheatingThresholdC: num(f.threshold) ?? 0,
    overheatingSource: f.overheatingSource,
  }
}

/**
 * Settings › Swedish rules: the primary energy weighting factors per carrier, F_geo, the EP_pet
 * requirement per building type and the overheating threshold, each with its source (BBR 29's
 * values until changed). A blank factor stays blank: EP_pet of a run that needs it is missing.
 */
export function SwedishSettingsForm({ onSaved, onBusy }: Props) {
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [general, setGeneral] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)

  useEffect(() => {
    let live = true
    getSwedishSettings()
      .then((s) => live && setForm(toForm(s)))
      .catch((e) => live && setGeneral(errorMessage(e)))
    return () => {
      live = false
    }
  }, [])
  useEffect(() => onBusy(saving), [saving, onBusy])

  if (!form) return general ? <p className="engine-error">{general}</p> : <p className="subtle">Loading the Swedish rules…</p>

  const edit = (patch: Partial<Form>) => {
    setForm((f) => (f ? { ...f, ...patch } : f))
    setSaved(false)
    setErrors({})
  }
  const save = async () => {
    setSaving(true)
    setGeneral(null)
    try {
      const s = fromForm(form)
      for (const [k, v] of Object.entries(s.weights ?? {})) {
        if (v !== null && Number.isNaN(v)) {
          setErrors({ [`weights.${k}`]: `“${form.weights[k]}” is not a number` })
          return
        }
      }
      const problems = await checkSwedishSettings(s)
      if (problems.length) {
        setErrors(Object.fromEntries(problems.map((p) => [p.field, p.message])))
        return
      }
      const stored = await saveSwedishSettings(s)
      setForm(toForm(stored))
      setSaved(true)
      onSaved(stored)
    } catch (e) {
      setGeneral(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }
  const field = (id: string, label: string, value: string, onChange: (v: string) => void, err?: string) => (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      className="text-input number-input"
      value={value}
      aria-label={label}
      aria-invalid={err ? true : undefined}
      title={err}
      onChange={(e) => onChange(e.target.value)}
      disabled={saving}
      autoComplete="off"
      data-testid={id}
    />
  )
  const sourceInput = (id: string, label: string, value: string, onChange: (v: string) => void) => (
    <textarea id={id} className="text-input source-input" rows={2} value={value} aria-label={label} onChange={(e) => onChange(e.target.value)} disabled={saving} data-testid={id} />
  )
  const errorText = (k: string) => (errors[k] ? <p className="field-error">{errors[k]}</p> : null)

  return (
    <form
      className="settings-form swedish-form"
      data-testid="swedish-settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <p className="subtle settings-help">
        EP_pet = Σ carriers ((heating ÷ F_geo) + cooling + hot water + property electricity) × weighting factor ÷ Atemp (BBR 9:12). Household and business electricity are not counted. A blank factor stays blank: EP_pet of a run that uses that carrier is shown as missing, never computed with 0.
      </p>
      <div className="table-scroll">
        <table className="grid-table">
          <caption>Primary energy weighting factors</caption>
          <tbody>
            {Object.keys(CARRIER_LABEL).map((c) => (
              <tr key={c}>
                <th scope="row">{CARRIER_LABEL[c]}</th>
                <td>
                  {field(`sw-weight-${c}`, `Weighting factor of ${CARRIER_LABEL[c]}`, form.weights[c] ?? '', (v) => edit({ weights: { ...form.weights, [c]: v } }), errors[`weights.${c}`])}
                  {errorText(`weights.${c}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sourceInput('sw-weights-source', 'Source of the weighting factors', form.weightsSource, (v) => edit({ weightsSource: v }))}
      <div className="settings-field">
        <label htmlFor="sw-fgeo" className="field-label">
          Geographic adjustment factor F_geo <span className="subtle">(the building’s municipality)</span>
        </label>
        {field('sw-fgeo', 'F_geo', form.fGeo, (v) => edit({ fGeo: v }), errors.fGeo)}
        {errorText('fGeo')}
        {sourceInput('sw-fgeo-source', 'Source of F_geo', form.fGeoSource, (v) => edit({ fGeoSource: v }))}
      </div>
      <div className="table-scroll">
        <table className="grid-table">
          <caption>EP_pet requirement for a new building, kWh/m² Atemp per year (the energy class compares with it)</caption>
          <tbody>
            {Object.keys(BUILDING_TYPE_LABEL).map((t) => (
              <tr key={t}>
                <th scope="row">{BUILDING_TYPE_LABEL[t]}</th>
                <td>
                  {field(`sw-req-${t}`, `Requirement for ${BUILDING_TYPE_LABEL[t]}`, form.requirements[t] ?? '', (v) => edit({ requirements: { ...form.requirements, [t]: v } }), errors[`requirements.${t}`])}
                  {errorText(`requirements.${t}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sourceInput('sw-req-source', 'Source of the requirements', form.requirementsSource, (v) => edit({ requirementsSource: v }))}
      <div className="settings-field">
        <label htmlFor="sw-threshold" className="field-label">
          Overheating threshold <span className="subtle">(°C operative temperature, 20 to 40)</span>
        </label>
        {field('sw-threshold', 'Overheating threshold in °C', form.threshold, (v) => edit({ threshold: v }), errors.overheatingThresholdC)}
        {errorText('overheatingThresholdC')}
        {sourceInput('sw-threshold-source', 'Source of the threshold', form.overheatingSource, (v) => edit({ overheatingSource: v }))}
      </div>
      {general ? (
        <p className="engine-error" role="alert">
          {general}
        </p>
      ) : null}
      {saved ? (
        <p className="engine-notice engine-notice-success" role="status" data-testid="swedish-saved">
          Saved. Every run’s Swedish figures now use these.
        </p>
      ) : null}
      <div className="engine-actions">
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="swedish-save">
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  )
}
