import { isAuthingError } from '@authing-kit/client'
import { type ReactNode, useEffect } from 'react'

import { useAuthingContext } from '../../../context.js'
import { withRememberMe } from '../../../rememberMe.js'
import { useLoginFormContext } from '../formContext.js'

const passkeyCss = `.ak-login .ak-login__passkey{display:block;width:100%;margin-top:var(--ak-spacing);background:none;color:var(--ak-color-primary);border:1px solid var(--ak-color-primary)}`
const label = { 'en-US': 'Sign in with a passkey', 'zh-CN': '使用通行密钥登录' }
// A prompt the user closed, or one replaced by the next: nothing went wrong.
const quiet = new Set<unknown>(['passkey_cancelled', 'aborted'])

/**
 * "Sign in with a passkey" (the app's console turned passkeys on), and, where the browser offers
 * conditional mediation, the same passkeys in the account field's autofill list.
 */
export function PasskeyButton(): ReactNode {
  const { lang, login, rememberMe, loggedIn, fail, clear, unstyled } = useLoginFormContext()
  const { runtime } = useAuthingContext('LoginForm')
  const failed = (error: unknown) => (isAuthingError(error) && quiet.has(error.code) ? clear() : fail(error))

  // Autofill waits for the user's pick for as long as the form is shown: outside `login`, whose
  // pending state would hold the form's buttons disabled meanwhile. It is an offer, not a request the
  // user made: when it cannot be made (another RP, a busy authenticator) nothing is shown.
  useEffect(() => {
    const controller = new AbortController()
    const { client, router } = runtime
    void client.passkey.isAutofillSupported().then((supported) => {
      if (!supported || controller.signal.aborted) return
      withRememberMe(router, rememberMe, () =>
        client.passkey.login({ autofill: true, signal: controller.signal }),
      ).then(loggedIn, () => {})
    })
    return () => controller.abort()
    // Once per form: the autofill request stands until a passkey is picked or the form goes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runtime])

  return (
    <>
      {unstyled ? null : <style>{passkeyCss}</style>}
      <button
        type="button"
        className="ak-login__submit ak-login__passkey"
        disabled={login.isPending}
        onClick={() => (clear(), login.login('passkey', {}, { rememberMe }).then(loggedIn, failed))}
      >
        {label[lang]}
      </button>
    </>
  )
}
