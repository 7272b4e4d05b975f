import { useEffect, useRef, useState } from 'react'

interface Props {
  label: string
  /** the question shown in place of the button: "Delete ETICS 150 mm?" */
  question: string
  confirmLabel?: string
  onConfirm: () => void
  disabled?: boolean
  testId?: string
  className?: string
}

/** A destructive action asked twice, inside the page (no native dialog, which webviews handle differently). */
export function ConfirmButton({ label, question, confirmLabel = 'Yes, delete', onConfirm, disabled, testId, className }: Props) {
  const [asking, setAsking] = useState(false)
  const yes = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (asking) yes.current?.focus()
  }, [asking])
  if (!asking) {
    return (
      <button type="button" className={className ?? 'btn btn-danger'} onClick={() => setAsking(true)} disabled={disabled} data-testid={testId}>
        {label}
      </button>
    )
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        ref={yes}
        type="button"
        className="btn btn-small btn-danger-solid"
        onClick={() => {
          setAsking(false)
          onConfirm()
        }}
        data-testid={testId ? `${testId}-confirm` : undefined}
      >
        {confirmLabel}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)} data-testid={testId ? `${testId}-cancel` : undefined}>
        Cancel
      </button>
    </span>
  )
}
