import { useEffect, useRef, useState } from 'react'
import { getQueueLimits, saveQueueLimits, type LcaSettings, type QueueLimits } from '../bridge'
import { errorMessage } from '../lib/format'
import { checkSettingsForm, describeSettings, readSettingsForm, settingsToForm, type SettingsField, type SettingsForm } from '../lib/settings'
import { ComputeSettings } from './ComputeSettings'
import { DataFolderInfo } from './DataFolderInfo'
import { StorageSettings } from './StorageSettings'
import { Dialog } from './Dialog'
import { LcaSettingsForm } from './LcaSettingsForm'
import { SwedishSettingsForm } from './SwedishSettingsForm'
import { UnitSettings } from './UnitSettings'

export type SettingsTab = 'queue' | 'lca' | 'swedish' | 'compute' | 'storage' | 'display'

interface Props {
  /** the settings the last Overview had, shown until GetSettings answers */
  initial: QueueLimits | null
  onSaved: (s: QueueLimits) => void
  onClose: () => void
  /** the tab to open on */
  initialTab?: SettingsTab
  /** fuels with delivered energy in the open study's results (the LCA tab marks them) */
  fuelsUsed?: string[]
  /** the carbon and cost settings were saved */
  onLcaSaved?: (s: LcaSettings) => void
  /** the Swedish rules were saved */
  onSwedishSaved?: () => void
}

// Text inputs, not type=number: a number input reports text it cannot read as empty, which
// would silently mean 0 here (one worker per core, no limit).
const FIELDS: Array<{ field: SettingsField; label: string; unit: string; testId: string; step: string; help: string }> = [
  {
    field: 'workers',
    label: 'Workers',
    unit: 'runs at a time',
    testId: 'settings-workers',
    step: '1',
    help: 'How many simulations run in parallel, 1 to 256. Empty or 0 = one per core. Applies at once: lowering it lets running runs finish.',
  },
  {
    field: 'timeoutMinutes',
    label: 'Time limit per run',
    unit: 'minutes',
    testId: 'settings-timeout',
    step: 'any',
    help: '0 = no limit. A run over the limit is stopped as “Timed out”. Big annual models can take hours. Applies to runs queued from now on.',
  },
  {
    field: 'stallSeconds',
    label: 'Stall limit',
    unit: 'seconds',
    testId: 'settings-stall',
    step: 'any',
    help: '0 = never. Otherwise at least 5 s: a run that prints nothing and writes no output for this long is stopped as “Hung”. Applies to runs queued from now on.',
  },
]

/**
 * Settings in tabs: the queue (workers, time limit, stall limit), carbon and cost (currency,
 * analysis period, discount rate, emission factors and prices), compute targets (Slurm
 * clusters) and display units. Go checks each on Save.
 */
export function SettingsPanel({ initial, onSaved, onClose, initialTab = 'queue', fuelsUsed = [], onLcaSaved, onSwedishSaved }: Props) {
  const [tab, setTab] = useState<SettingsTab>(initialTab)
  const [lcaBusy, setLcaBusy] = useState(false)
  const [form, setForm] = useState<SettingsForm>(() => settingsToForm(initial))
  const [touched, setTouched] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<QueueLimits | null>(null)
  const touchedRef = useRef(false)
  useEffect(() => {
    touchedRef.current = touched
  }, [touched])

  // The stored settings, fresh (another window or the CLI may have changed them).
  useEffect(() => {
    let live = true
    getQueueLimits()
      .then((s) => {
        if (live && !touchedRef.current) setForm(settingsToForm(s))
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])

  const check = checkSettingsForm(form)
  const invalid = (f: SettingsField) => touched && !check.ok && check.field === f

  const set = (f: SettingsField, v: string) => {
    setTouched(true)
    setSaved(null)
    setError(null)
    setForm((x) => ({ ...x, [f]: v }))
  }

  const save = async () => {
    setSaved(null)
    setError(null)
    const read = readSettingsForm(form)
    if (!read.ok) {
      setError(read.error)
      return
    }
    setSaving(true)
    try {
      // Go applies the range rules and answers with what it stored (0 workers becomes the core count).
      const s = await saveQueueLimits(read.settings)
      setForm(settingsToForm(s))
      setTouched(false)
      setSaved(s)
      onSaved(s)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0
  return (
    <Dialog labelledBy="settings-heading" className={`settings-panel${tab === 'lca' || tab === 'swedish' || tab === 'compute' || tab === 'storage' ? ' settings-wide' : ''}`} busy={saving || lcaBusy} testId="settings-panel" onClose={onClose}>
      <div className="panel-head">
        <h2 id="settings-heading">Settings</h2>
        <button type="button" className="toast-close" onClick={onClose} aria-label="Close" data-testid="settings-close">
          ×
        </button>
      </div>
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'queue'} className={`tab${tab === 'queue' ? ' on' : ''}`} onClick={() => setTab('queue')} disabled={saving || lcaBusy} data-testid="settings-tab-queue">
          Queue
        </button>
        <button type="button" role="tab" aria-selected={tab === 'lca'} className={`tab${tab === 'lca' ? ' on' : ''}`} onClick={() => setTab('lca')} disabled={saving || lcaBusy} data-testid="settings-tab-lca">
          Carbon & cost
        </button>
        <button type="button" role="tab" aria-selected={tab === 'swedish'} className={`tab${tab === 'swedish' ? ' on' : ''}`} onClick={() => setTab('swedish')} disabled={saving || lcaBusy} data-testid="settings-tab-swedish">
          Swedish rules
        </button>
        <button type="button" role="tab" aria-selected={tab === 'compute'} className={`tab${tab === 'compute' ? ' on' : ''}`} onClick={() => setTab('compute')} disabled={saving || lcaBusy} data-testid="settings-tab-compute">
          Compute
        </button>
        <button type="button" role="tab" aria-selected={tab === 'storage'} className={`tab${tab === 'storage' ? ' on' : ''}`} onClick={() => setTab('storage')} disabled={saving || lcaBusy} data-testid="settings-tab-storage">
          Storage
        </button>
        <button type="button" role="tab" aria-selected={tab === 'display'} className={`tab${tab === 'display' ? ' on' : ''}`} onClick={() => setTab('display')} disabled={saving || lcaBusy} data-testid="settings-tab-display">
          Display
        </button>
      </div>
      {tab === 'display' ? <UnitSettings /> : null}
      {tab === 'compute' ? <ComputeSettings onBusy={setLcaBusy} /> : null}
      {tab === 'storage' ? <StorageSettings onBusy={setLcaBusy} /> : null}
      {tab === 'swedish' ? <SwedishSettingsForm onSaved={() => onSwedishSaved?.()} onBusy={setLcaBusy} /> : null}
      {tab === 'lca' ? <LcaSettingsForm fuelsUsed={fuelsUsed} onSaved={(s) => onLcaSaved?.(s)} onClose={onClose} onBusy={setLcaBusy} /> : null}
      <form
        hidden={tab !== 'queue'}
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {FIELDS.map((f) => (
          <div key={f.field} className="settings-field">
            <label htmlFor={f.testId} className="field-label">
              {f.label}
            </label>
            <div className="settings-input-row">
              <input
                id={f.testId}
                type="text"
                inputMode={f.step === '1' ? 'numeric' : 'decimal'}
                className="text-input number-input"
                autoComplete="off"
                spellCheck={false}
                value={form[f.field]}
                placeholder="0"
                onChange={(e) => set(f.field, e.target.value)}
                aria-invalid={invalid(f.field) || undefined}
                aria-describedby={`${f.testId}-help`}
                disabled={saving}
                data-testid={f.testId}
              />
              <span className="subtle">{f.unit}</span>
            </div>
            <p id={`${f.testId}-help`} className="subtle settings-help">
              {f.help}
              {f.field === 'workers' && cores ? ` This computer has ${cores} cores.` : ''}
            </p>
            {invalid(f.field) && !check.ok ? (
              <p className="field-error" data-testid={`settings-hint-${f.field}`}>
                {check.error}
              </p>
            ) : null}
          </div>
        ))}
        <DataFolderInfo />
        {error ? (
          <p className="engine-error" role="alert" data-testid="settings-error">
            {error}
          </p>
        ) : null}
        {saved ? (
          <p className="engine-notice engine-notice-success" role="status" data-testid="settings-saved">
            Saved: {Object.values(describeSettings(saved)).join(', ')}.
          </p>
        ) : null}
        <div className="engine-actions">
          <button type="submit" className="btn btn-primary" disabled={saving} data-testid="settings-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="btn" onClick={onClose} disabled={saving}>
            Close
          </button>
        </div>
      </form>
    </Dialog>
  )
}
