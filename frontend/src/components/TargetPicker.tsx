import type { ComputeTarget } from '../bridge'
import { targetLabel } from '../lib/targets'

interface Props {
  targets: ComputeTarget[]
  /** the chosen target's name, "" for this computer */
  value: string
  onChange: (name: string) => void
  /** opens Settings > Compute */
  onManage: () => void
  testId: string
  disabled?: boolean
}

/**
 * Where runs go: this computer (the default) or a saved compute target. With no saved target
 * it is one link to Settings > Compute.
 */
export function TargetPicker({ targets, value, onChange, onManage, testId, disabled }: Props) {
  const chosen = targets.find((t) => t.name === value)
  return (
    <div className="field target-picker">
      <label className="field-label" htmlFor={testId}>
        Run on
      </label>
      <div className="target-picker-row">
        <select id={testId} value={chosen ? value : ''} onChange={(e) => onChange(e.target.value)} disabled={disabled} data-testid={testId}>
          <option value="">This computer</option>
          {targets.map((t) => (
            <option key={t.name} value={t.name} title={t.url}>
              {targetLabel(t)} — {t.where}
            </option>
          ))}
        </select>
        <button type="button" className="btn-link" onClick={onManage} data-testid={`${testId}-manage`}>
          {targets.length ? 'Compute targets…' : 'Add a cluster…'}
        </button>
      </div>
      {chosen && chosen.checkedAt && !chosen.checkOk ? (
        <p className="hint-inline" data-testid={`${testId}-warning`}>
          The last connection check of {chosen.name} failed: check it again in Settings &gt; Compute before sending runs.
        </p>
      ) : null}
    </div>
  )
}
