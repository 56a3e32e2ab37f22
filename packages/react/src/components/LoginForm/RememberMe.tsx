import { useId } from 'react'

import { useAuth } from '../../hooks/useAuth.js'
import { useLoginFormContext } from './formContext.js'

/**
 * The remember-me checkbox: checked keeps the session in localStorage, unchecked in this tab's
 * sessionStorage. Where the browser refuses storage (private modes, blocked cookies) the session
 * lives in memory only, so the box is shown off and disabled, with the reason.
 */
export function RememberMe() {
  const { t, rememberMe, setRememberMe } = useLoginFormContext()
  const unavailable = useAuth((auth) => auth.storage === 'memory')
  const hintId = useId()
  return (
    <div className="ak-login__remember-row">
      <label className="ak-login__remember">
        <input
          type="checkbox"
          name="rememberMe"
          checked={rememberMe && !unavailable}
          disabled={unavailable}
          aria-describedby={unavailable ? hintId : undefined}
          onChange={(event) => setRememberMe(event.target.checked)}
        />
        {t.rememberMe}
      </label>
      {unavailable ? (
        <span id={hintId} className="ak-login__hint">
          {t.rememberMeUnavailable}
        </span>
      ) : null}
    </div>
  )
}
