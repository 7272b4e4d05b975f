import type { ReactNode } from 'react'

interface Props {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  unit?: string
  /** the message under the input; marks it invalid */
  error?: string | string[] | null
  help?: ReactNode
  /** number fields: decimal keyboard, right-aligned; empty is a blank, not 0 */
  numeric?: boolean
  placeholder?: string
  disabled?: boolean
  multiline?: boolean
  testId?: string
  onBlur?: () => void
}

/** A labelled text input with its unit, help and error. Numbers are text: a blank stays blank. */
export function FormField({ id, label, value, onChange, unit, error, help, numeric, placeholder, disabled, multiline, testId, onBlur }: Props) {
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean)
  const describedBy = [errors.length ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    value,
    disabled,
    placeholder,
    onBlur,
    'aria-invalid': errors.length > 0 || undefined,
    'aria-describedby': describedBy,
    'data-testid': testId,
    spellCheck: false,
    autoComplete: 'off',
  }
  return (
    <div className={`form-field${numeric ? ' form-field-number' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="form-input-row">
        {multiline ? (
          <textarea {...common} className="text-input text-input-plain" rows={2} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...common}
            type="text"
            inputMode={numeric ? 'decimal' : undefined}
            className={`text-input ${numeric ? 'number-input' : 'text-input-plain'}`}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {unit ? <span className="subtle form-unit">{unit}</span> : null}
      </div>
      {help ? (
        <p id={`${id}-help`} className="subtle form-help">
          {help}
        </p>
      ) : null}
      {errors.length ? (
        <p id={`${id}-error`} className="field-error" data-testid={testId ? `${testId}-error` : undefined}>
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  )
}
