import { useId } from 'react'

interface ChoiceGroupProps<V extends string> {
  legend: string
  value: V
  choices: ReadonlyArray<{ value: V; label: string }>
  onChange(value: V): void
}

/** A labelled set of radio buttons (arrow keys move between them, as browsers do for radios). */
export function ChoiceGroup<V extends string>({ legend, value, choices, onChange }: ChoiceGroupProps<V>) {
  const name = useId()
  return (
    <fieldset className="ak-login__choices">
      <legend className="ak-login__legend">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="ak-login__choice">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={choice.value === value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  )
}
