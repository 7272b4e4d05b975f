import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'

interface Props {
  labelledBy: string
  className?: string
  busy?: boolean
  testId?: string
  /** what gets focus on open: the first input (default) or the dialog itself */
  focus?: 'first-input' | 'dialog'
  onClose: () => void
  children: ReactNode
}

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), summary, [href], [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog like the engine settings: focus moves in on open and back on close, Tab stays
 * inside, Escape and a click on the backdrop close it.
 */
export function Dialog({ labelledBy, className, busy, testId, focus = 'first-input', onClose, children }: Props) {
  const dialog = useRef<HTMLElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    const first = focus === 'first-input' ? dialog.current?.querySelector<HTMLElement>('input:not(:disabled)') : null
    ;(first ?? dialog.current)?.focus()
    return () => before?.focus?.()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on open
  }, [])
  const close = useRef(onClose)
  useEffect(() => {
    close.current = onClose
  }, [onClose])
  useEffect(() => {
    const onEscape = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') close.current()
    }
    document.addEventListener('keydown', onEscape)
    return () => document.removeEventListener('keydown', onEscape)
  }, [])
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !dialog.current) return
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    if (items.length === 0) return
    const first = items[0]
    const last = items[items.length - 1]
    if (e.shiftKey && (document.activeElement === first || document.activeElement === dialog.current)) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <section
        ref={dialog}
        className={`modal${className ? ' ' + className : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-busy={busy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        {children}
      </section>
    </div>
  )
}
