import { type InputHTMLAttributes, useId } from 'react'

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'name'> {
  name: string
  label: string
  value: string
  onValue(value: string): void
  error?: string | undefined
}

/** One labelled input, with its validation message tied to it for screen readers. */
export function Field({ name, label, value, onValue, error, className, ...input }: FieldProps) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className={className ? `ak-login__field ${className}` : 'ak-login__field'}>
      <label className="ak-login__label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        name={name}
        className="ak-login__input"
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <span id={errorId} className="ak-login__field-error">
          {error}
        </span>
      ) : null}
    </div>
  )
}
