import { useEffect, useState } from 'react'
import { cancelTargetCheck, checkTarget, onComputeCheck, removeTarget, saveTarget, targetURL, type CheckStep, type ComputeTarget } from '../bridge'
import { useTargets } from '../hooks/useTargets'
import { errorMessage } from '../lib/format'
import { blankTargetFields, checkSummary, fieldsOf, pendingSteps, readTargetFields, withStep, type TargetFields } from '../lib/targets'
import { ConfirmButton } from './ConfirmButton'

interface Editing {
  /** the name the target had ("" for a new one) */
  oldName: string
  name: string
  fields: TargetFields
}

type FieldSpec = { field: keyof TargetFields; label: string; placeholder?: string; help: string; ssh?: boolean; wide?: boolean }

const FIELDS: FieldSpec[] = [
  { field: 'host', label: 'Login node', placeholder: 'tetralith.nsc.liu.se or an alias', ssh: true, help: 'A host name, or an alias of ~/.ssh/config: its HostName, User, Port, IdentityFile and ProxyJump are used. Keys come from the SSH agent or those files; EPSM stores no password or key.' },
  { field: 'user', label: 'User', placeholder: 'from ~/.ssh/config', ssh: true, help: 'Empty: the config’s User, else your user name here.' },
  { field: 'port', label: 'Port', placeholder: '22', ssh: true, help: 'Empty: the config’s Port, else 22.' },
  { field: 'workDir', label: 'Work folder', placeholder: '/proj/myproject/users/me/epsm', wide: true, help: 'An absolute folder on the cluster’s shared file system, which the compute nodes see. Batches, inputs and the worker go there.' },
  { field: 'partition', label: 'Partition', placeholder: 'the default partition', help: 'sbatch --partition (sinfo lists them).' },
  { field: 'account', label: 'Account', placeholder: 'none', help: 'sbatch --account: the project the hours are charged to.' },
  { field: 'qos', label: 'QOS', placeholder: 'none', help: 'sbatch --qos.' },
  { field: 'time', label: 'Time limit per run', placeholder: 'the partition’s', help: 'As sbatch takes it: minutes (30), H:MM:SS or D-HH:MM:SS. A run over it ends as Timed out.' },
  { field: 'mem', label: 'Memory per run', placeholder: 'the partition’s', help: 'As sbatch takes it: 2G, 1500M.' },
  { field: 'cpus', label: 'CPUs per run', placeholder: '1', help: 'EnergyPlus runs on one core unless the model asks for more.' },
  { field: 'maxParallel', label: 'Runs at a time', placeholder: 'no limit', help: 'The job array’s throttle (%N), to leave room for others.' },
  { field: 'engine', label: 'EnergyPlus on the nodes', placeholder: 'found on the node', wide: true, help: 'The energyplus executable on the compute nodes. Empty: found there as EPSM finds it here (PATH, ENERGYPLUS_EXE, the usual install folders).' },
]

/**
 * Settings > Compute: the saved compute targets (Slurm here or over SSH). Each can be checked
 * step by step (login node, Slurm, work folder, EnergyPlus on a node by a 1-task test job),
 * edited and removed; runs and studies pick one by name.
 */
export function ComputeSettings({ onBusy }: { onBusy: (busy: boolean) => void }) {
  const targets = useTargets()
  const [editing, setEditing] = useState<Editing | null>(null)
  const [checks, setChecks] = useState<Record<string, CheckStep[]>>({})
  const [error, setError] = useState<string | null>(null)

  useEffect(
    () =>
      onComputeCheck((e) =>
        setChecks((c) => ({ ...c, [e.name]: withStep(c[e.name] ?? pendingSteps, e.step) })),
      ),
    [],
  )

  const check = async (name: string) => {
    setError(null)
    setChecks((c) => ({ ...c, [name]: pendingSteps }))
    try {
      const steps = await checkTarget(name)
      setChecks((c) => ({ ...c, [name]: steps }))
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  const remove = async (name: string) => {
    setError(null)
    try {
      await removeTarget(name)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  if (editing) {
    return (
      <TargetEditor
        editing={editing}
        onChange={setEditing}
        onBusy={onBusy}
        onDone={(saved) => {
          setEditing(null)
          if (saved) setChecks((c) => ({ ...c, [saved.name]: saved.check ?? [] }))
        }}
      />
    )
  }
  return (
    <div className="compute-settings" data-testid="compute-settings">
      <p className="subtle settings-help">
        Send runs and studies to a Slurm cluster, over SSH or from a login node. Runs already answered here or on any target are never sent again; results come back into this data folder.
      </p>
      {targets.length === 0 ? (
        <p className="subtle" data-testid="compute-empty">
          No compute target yet: runs go to this computer.
        </p>
      ) : (
        <ul className="target-list">
          {targets.map((t) => (
            <TargetItem key={t.name} target={t} steps={checks[t.name] ?? t.check ?? []} onCheck={() => void check(t.name)} onCancel={() => void cancelTargetCheck(t.name)} onEdit={() => setEditing({ oldName: t.name, name: t.name, fields: fieldsOf(t.form) })} onRemove={() => void remove(t.name)} />
          ))}
        </ul>
      )}
      {error ? (
        <p className="engine-error" role="alert" data-testid="compute-error">
          {error}
        </p>
      ) : null}
      <div className="engine-actions">
        <button type="button" className="btn btn-primary" onClick={() => setEditing({ oldName: '', name: '', fields: blankTargetFields })} data-testid="compute-add">
          Add target…
        </button>
      </div>
    </div>
  )
}

function TargetItem({ target: t, steps, onCheck, onCancel, onEdit, onRemove }: { target: ComputeTarget; steps: CheckStep[]; onCheck: () => void; onCancel: () => void; onEdit: () => void; onRemove: () => void }) {
  const summary = checkSummary(t)
  return (
    <li className="target-item" data-testid={`target-${t.name}`} data-check={summary.tone}>
      <div className="target-head">
        <strong className="target-name">{t.name}</strong>
        <span className="subtle">{t.where}</span>
        <span className={`target-check target-check-${summary.tone}`} data-testid={`target-${t.name}-summary`}>
          {summary.text}
        </span>
      </div>
      <code className="target-url" title="epsm run --target takes this name or this URL">
        {t.url}
      </code>
      {steps.length ? <CheckSteps steps={steps} testId={`target-${t.name}-steps`} /> : null}
      <div className="target-actions">
        {t.checking ? (
          <button type="button" className="btn btn-small" onClick={onCancel} data-testid={`target-${t.name}-cancel`}>
            Stop the check
          </button>
        ) : (
          <button type="button" className="btn btn-small" onClick={onCheck} data-testid={`target-${t.name}-check`}>
            Check connection
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={onEdit} disabled={t.checking} data-testid={`target-${t.name}-edit`}>
          Edit
        </button>
        <ConfirmButton label="Remove" question={`Remove ${t.name}? Batches already sent there still come back.`} confirmLabel="Yes, remove" onConfirm={onRemove} className="btn btn-small btn-danger" testId={`target-${t.name}-remove`} />
      </div>
    </li>
  )
}

const STATE_MARK: Record<string, string> = { ok: '✓', failed: '✗', running: '…', skipped: '–' }

function CheckSteps({ steps, testId }: { steps: CheckStep[]; testId: string }) {
  return (
    <ol className="check-steps" data-testid={testId}>
      {steps.map((s) => (
        <li key={s.step} className={`check-step check-step-${s.state}`} data-step={s.step} data-state={s.state}>
          <span className="check-mark" aria-hidden="true">
            {STATE_MARK[s.state] ?? ''}
          </span>
          <span className="check-title">{s.title}</span>
          {s.state === 'ok' || s.state === 'failed' ? <span className="subtle check-time">{(s.millis / 1000).toFixed(1)} s</span> : null}
          {s.detail ? <span className={s.state === 'failed' ? 'check-detail field-error' : 'check-detail subtle'}>{s.detail}</span> : null}
        </li>
      ))}
    </ol>
  )
}

function TargetEditor({ editing, onChange, onBusy, onDone }: { editing: Editing; onChange: (e: Editing) => void; onBusy: (b: boolean) => void; onDone: (saved: ComputeTarget | null) => void }) {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [url, setUrl] = useState<{ url: string; error: string }>({ url: '', error: '' })
  const f = editing.fields
  const set = (field: keyof TargetFields, v: string) => {
    setError(null)
    onChange({ ...editing, fields: { ...f, [field]: v } })
  }

  // The URL the form makes, as the user types (what `epsm run --target` also takes).
  useEffect(() => {
    const read = readTargetFields(f)
    if (!read.ok) {
      setUrl({ url: '', error: read.error })
      return
    }
    if (!f.workDir.trim() || (f.kind === 'ssh' && !f.host.trim())) {
      setUrl({ url: '', error: '' })
      return
    }
    let live = true
    const timer = setTimeout(() => {
      targetURL(read.form)
        .then((u) => live && setUrl({ url: u, error: '' }))
        .catch((e) => live && setUrl({ url: '', error: errorMessage(e) }))
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [f])

  const save = async () => {
    const read = readTargetFields(f)
    if (!read.ok) {
      setError(read.error)
      return
    }
    setSaving(true)
    onBusy(true)
    try {
      onDone(await saveTarget(editing.oldName, editing.name, read.form))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
      onBusy(false)
    }
  }

  return (
    <form
      className="settings-form target-editor"
      noValidate
      data-testid="target-editor"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h3>{editing.oldName ? `Edit ${editing.oldName}` : 'New compute target'}</h3>
      <div className="target-grid">
        <label className="settings-field target-wide">
          <span className="field-label">Name</span>
          <input className="text-input" value={editing.name} onChange={(e) => onChange({ ...editing, name: e.target.value })} placeholder="tetralith" autoComplete="off" spellCheck={false} disabled={saving} data-testid="target-name" />
          <span className="subtle settings-help">What the Run and Study buttons show; the CLI takes it too: epsm run --target NAME.</span>
        </label>
        <fieldset className="settings-field target-wide target-kind">
          <legend className="field-label">Slurm is reached</legend>
          <label className="check check-compact">
            <input type="radio" name="target-kind" checked={f.kind === 'ssh'} onChange={() => set('kind', 'ssh')} disabled={saving} data-testid="target-kind-ssh" />
            <span>over SSH, on a login node</span>
          </label>
          <label className="check check-compact">
            <input type="radio" name="target-kind" checked={f.kind === 'local'} onChange={() => set('kind', 'local')} disabled={saving} data-testid="target-kind-local" />
            <span>here: this computer is a login node (sbatch runs here)</span>
          </label>
        </fieldset>
        {FIELDS.filter((x) => !x.ssh || f.kind === 'ssh').map((x) => (
          <label key={x.field} className={`settings-field${x.wide ? ' target-wide' : ''}`}>
            <span className="field-label">{x.label}</span>
            <input className="text-input" value={f[x.field]} onChange={(e) => set(x.field, e.target.value)} placeholder={x.placeholder} autoComplete="off" spellCheck={false} disabled={saving} data-testid={`target-${x.field}`} />
            <span className="subtle settings-help">{x.help}</span>
          </label>
        ))}
        <label className="settings-field target-wide">
          <span className="field-label">Prelude</span>
          <textarea className="text-input target-prelude" rows={3} value={f.prelude} onChange={(e) => set('prelude', e.target.value)} placeholder="module load EnergyPlus/25.2.0" spellCheck={false} disabled={saving} data-testid="target-prelude" />
          <span className="subtle settings-help">Shell lines run before Slurm’s commands and before each run on a node, such as module load.</span>
        </label>
        <label className="settings-field">
          <span className="field-label">Outputs brought back</span>
          <select value={f.keep} onChange={(e) => set('keep', e.target.value)} disabled={saving} data-testid="target-keep">
            <option value="results">Results, eplusout.err and the HTML report</option>
            <option value="all">All of EnergyPlus’s outputs</option>
          </select>
        </label>
      </div>
      <p className="target-url-preview" data-testid="target-url">
        {url.error ? <span className="field-error">{url.error}</span> : url.url ? <code>{url.url}</code> : <span className="subtle">The login node and the work folder make the target’s URL.</span>}
      </p>
      {error ? (
        <p className="engine-error" role="alert" data-testid="target-error">
          {error}
        </p>
      ) : null}
      <div className="engine-actions">
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="target-save">
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)} disabled={saving} data-testid="target-cancel">
          Cancel
        </button>
      </div>
    </form>
  )
}
