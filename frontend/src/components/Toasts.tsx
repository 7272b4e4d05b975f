import type { Toast } from '../lib/toasts'

export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts" data-testid="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'} data-testid="toast" data-kind={t.kind}>
          <div className="toast-body">
            <strong className="toast-title">{t.title}</strong>
            {t.message ? <span className="toast-message">{t.message}</span> : null}
          </div>
          <button type="button" className="toast-close" onClick={() => onDismiss(t.id)} aria-label="Dismiss" data-testid="toast-dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
