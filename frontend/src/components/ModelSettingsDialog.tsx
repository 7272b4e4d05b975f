import { useEffect, useState } from 'react'
import { getDefaultMapping, getModelSettings, saveModelSettings, type ModelSettingsView, type SwedishMapping } from '../bridge'
import { errorMessage, formatNumber } from '../lib/format'
import { BUILDING_TYPE_LABEL, carrierLabel, purposeLabel } from '../lib/swedish'
import { Dialog } from './Dialog'

interface Props {
  modelId: number
  modelName: string
  /** EnergyPlus's conditioned floor area of a run of this model, shown as Atemp's stand-in */
  conditionedAreaM2?: number | null
  onSaved: () => void
  onClose: () => void
}

/**
 * A model's settings for the Swedish figures: Atemp (blank = EnergyPlus's conditioned floor
 * area) and where it comes from, the building type (its EP_pet requirement and default
 * mapping), and which carrier each fuel is and which purpose each end use serves.
 */
export function ModelSettingsDialog({ modelId, modelName, conditionedAreaM2, onSaved, onClose }: Props) {
  const [view, setView] = useState<ModelSettingsView | null>(null)
  const [atemp, setAtemp] = useState('')
  const [source, setSource] = useState('')
  const [type, setType] = useState('multiFamily')
  const [carriers, setCarriers] = useState<Record<string, string>>({})
  const [purposes, setPurposes] = useState<Record<string, string>>({})
  const [defaults, setDefaults] = useState<SwedishMapping | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const show = (v: ModelSettingsView) => {
    setView(v)
    setAtemp(v.settings.atempM2 != null ? String(v.settings.atempM2) : '')
    setSource(v.settings.atempSource ?? '')
    setType(v.settings.buildingType || 'multiFamily')
    setCarriers({ ...(v.mapping.carriers ?? {}) })
    setPurposes({ ...(v.mapping.purposes ?? {}) })
  }
  // The building type's own mapping: what is stored is only where the user differs from it.
  useEffect(() => {
    let live = true
    getDefaultMapping(type)
      .then((d) => live && setDefaults(d))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [type])
  const changeType = async (t: string) => {
    setType(t)
    // A new type brings its own defaults (lighting becomes business electricity in premises);
    // the user's changes to the fuels' carriers stay.
    try {
      const d = await getDefaultMapping(t)
      setPurposes({ ...(d.purposes ?? {}) })
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  useEffect(() => {
    let live = true
    getModelSettings(modelId)
      .then((v) => live && show(v))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [modelId])

  const save = async () => {
    setError(null)
    const text = atemp.trim().replace(',', '.')
    const a = text === '' ? null : Number(text)
    if (a !== null && !(Number.isFinite(a) && a > 0)) {
      setError(`Atemp “${atemp}” is not a number above 0.`)
      return
    }
    setSaving(true)
    try {
      // Only what differs from the building type's defaults is the user's choice.
      const changedPurposes: Record<string, string> = {}
      const changedCarriers: Record<string, string> = {}
      for (const [k, v] of Object.entries(purposes)) if (defaults?.purposes?.[k] !== v) changedPurposes[k] = v
      for (const [k, v] of Object.entries(carriers)) if (defaults?.carriers?.[k] !== v) changedCarriers[k] = v
      const v = await saveModelSettings(modelId, { atempM2: a, atempSource: source.trim(), buildingType: type, mapping: { carriers: changedCarriers, purposes: changedPurposes } })
      show(v)
      onSaved()
      onClose()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Dialog labelledBy="model-settings-heading" className="settings-panel settings-wide" busy={saving} testId="model-settings" onClose={onClose}>
      <div className="panel-head">
        <h2 id="model-settings-heading">
          Swedish figures of <span className="file-name">{modelName}</span>
        </h2>
        <button type="button" className="toast-close" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      {!view ? (
        error ? <p className="engine-error" role="alert">{error}</p> : <p className="subtle">Loading…</p>
      ) : (
        <form
          className="settings-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <p className="subtle settings-help">A study’s variants use the settings of its base model.</p>
          <div className="settings-field">
            <label htmlFor="model-atemp" className="field-label">
              Atemp <span className="subtle">(m², heated floor area, BBR 29)</span>
            </label>
            <div className="settings-input-row">
              <input
                id="model-atemp"
                type="text"
                inputMode="decimal"
                className="text-input number-input"
                value={atemp}
                placeholder={conditionedAreaM2 ? formatNumber(conditionedAreaM2, 1).replace(/,/g, '') : ''}
                onChange={(e) => setAtemp(e.target.value)}
                disabled={saving}
                autoComplete="off"
                data-testid="model-atemp"
              />
              <input
                type="text"
                className="text-input text-input-plain"
                value={source}
                placeholder="Where the figure comes from (drawings, energy declaration)"
                aria-label="Source of Atemp"
                onChange={(e) => setSource(e.target.value)}
                disabled={saving}
                data-testid="model-atemp-source"
              />
            </div>
            <p className="subtle settings-help">
              Blank: EnergyPlus’s conditioned floor area{conditionedAreaM2 ? ` (${formatNumber(conditionedAreaM2, 1)} m² in this run)` : ''} stands in, labelled as such.
            </p>
          </div>
          <div className="settings-field">
            <label htmlFor="model-building-type" className="field-label">
              Building type
            </label>
            <select id="model-building-type" className="select" value={type} onChange={(e) => void changeType(e.target.value)} disabled={saving} data-testid="model-building-type">
              {(view.buildingTypes ?? []).map((t) => (
                <option key={t} value={t}>
                  {BUILDING_TYPE_LABEL[t] ?? t}
                </option>
              ))}
            </select>
            <p className="subtle settings-help">Sets the EP_pet requirement the energy class compares with, and whether lighting and equipment are household or business electricity.</p>
          </div>
          <div className="table-scroll">
            <table className="grid-table" data-testid="model-purposes">
              <caption>What each EnergyPlus end use is for</caption>
              <tbody>
                {(view.endUses ?? []).map((e) => (
                  <tr key={e}>
                    <th scope="row">{e}</th>
                    <td>
                      <select className="select" aria-label={`Purpose of ${e}`} value={purposes[e] ?? ''} onChange={(ev) => setPurposes((p) => ({ ...p, [e]: ev.target.value }))} disabled={saving} data-testid={`model-purpose-${e.replace(/\s+/g, '-')}`}>
                        {(view.purposes ?? []).map((p) => (
                          <option key={p} value={p}>
                            {purposeLabel(p)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="grid-table" data-testid="model-carriers">
              <caption>Which carrier each EnergyPlus fuel is delivered as</caption>
              <tbody>
                {(view.fuels ?? []).map((f) => (
                  <tr key={f}>
                    <th scope="row">{f}</th>
                    <td>
                      <select className="select" aria-label={`Carrier of ${f}`} value={carriers[f] ?? ''} onChange={(ev) => setCarriers((c) => ({ ...c, [f]: ev.target.value }))} disabled={saving}>
                        {(view.carriers ?? []).map((c) => (
                          <option key={c} value={c}>
                            {carrierLabel(c)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {error ? (
            <p className="engine-error" role="alert" data-testid="model-settings-error">
              {error}
            </p>
          ) : null}
          <div className="engine-actions">
            <button type="submit" className="btn btn-primary" disabled={saving} data-testid="model-settings-save">
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="btn" onClick={onClose} disabled={saving}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
