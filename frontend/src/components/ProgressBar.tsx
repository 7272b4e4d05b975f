import { clampPercent } from '../lib/format'
import type { Tone } from '../lib/status'

interface Props {
  percent: number
  label: string
  tone: Tone
  active: boolean
  testId?: string
}

export function ProgressBar({ percent, label, tone, active, testId }: Props) {
  const p = clampPercent(percent)
  return (
    <div
      className={`progress progress-${tone}${active ? ' progress-active' : ''}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={p}
      aria-valuetext={`${p}% ${label}`}
      aria-label={label}
      data-testid={testId}
    >
      <div className="progress-fill" style={{ width: `${p}%` }} />
    </div>
  )
}
