import { useLoginFormContext } from './formContext.js'

/** The remember-me checkbox: checked keeps the session in localStorage, unchecked in this tab's sessionStorage. */
export function RememberMe() {
  const { t, rememberMe, setRememberMe } = useLoginFormContext()
  return (
    <label className="ak-login__remember">
      <input type="checkbox" name="rememberMe" checked={rememberMe} onChange={(event) => setRememberMe(event.target.checked)} />
      {t.rememberMe}
    </label>
  )
}
