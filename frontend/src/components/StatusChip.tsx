import { statusInfo } from '../lib/status'

export function StatusChip({ status, testId }: { status: string; testId?: string }) {
  const s = statusInfo(status)
  return (
    <span className={`chip chip-${s.tone}`} data-testid={testId} data-status={status} title={s.description}>
      {s.label}
    </span>
  )
}
