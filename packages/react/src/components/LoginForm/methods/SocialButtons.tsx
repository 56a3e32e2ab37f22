import { isSocialRedirect, type SocialConnection } from '@authing-kit/client'
import { type ReactNode, useEffect } from 'react'

import { useLoginFormContext } from '../formContext.js'
import { markOf } from './providerMarks.js'
import { socialMessages } from './socialMessages.js'

const socialCss = `
.ak-login .ak-login__social{display:flex;flex-direction:column;gap:8px;margin-top:var(--ak-spacing);text-align:center}
.ak-login .ak-login__social-title{margin:0;color:var(--ak-color-muted);font-size:.8em}
.ak-login .ak-login__social-list{display:flex;flex-wrap:wrap;justify-content:center;gap:10px;margin:0;padding:0;list-style:none}
.ak-login .ak-login__social-button{display:grid;place-items:center;width:40px;height:40px;padding:0;border:1px solid var(--ak-color-border);border-radius:50%;background:#fff;cursor:pointer;font:600 16px/1 inherit}
.ak-login .ak-login__social-button:hover{border-color:var(--ak-color-primary)}
.ak-login .ak-login__social-button:disabled{opacity:.5;cursor:default}
`

/**
 * The app's social logins (public config `socialConnections`) as buttons with the providers' marks:
 * each opens the provider in a popup (this page when the browser blocks it); the login's steps
 * (binding the account, MFA, profile completion) continue in the step views. On the page a redirect
 * login comes back to, it finishes that login.
 */
export function SocialButtons({ connections }: { connections: SocialConnection[] }): ReactNode {
  const { lang, login, rememberMe, loggedIn, fail, inform, clear, unstyled } = useLoginFormContext()
  const m = socialMessages[lang]
  useEffect(() => {
    if (isSocialRedirect()) login.login('socialRedirect', {}, { rememberMe }).then(loggedIn, fail)
    // Once, on the page the provider sent the browser back to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const open = (identifier: string) => {
    clear()
    inform(m.opening)
    login
      .login('social', { provider: identifier, onPopupBlocked: (notice) => inform(notice.message) }, { rememberMe })
      .then(loggedIn, fail)
  }
  return (
    <div className="ak-login__social">
      {unstyled ? null : <style>{socialCss}</style>}
      <p className="ak-login__social-title">{m.heading}</p>
      <ul className="ak-login__social-list">
        {connections.map((connection) => {
          const name = (lang === 'en-US' ? connection.name_en : connection.name) || connection.displayName
          const label = m.with.replace('{name}', name)
          const mark = markOf(connection.provider || connection.identifier)
          return (
            <li key={connection.identifier}>
              <button
                type="button"
                className="ak-login__social-button"
                aria-label={label}
                title={label}
                disabled={login.isPending}
                onClick={() => open(connection.identifier)}
              >
                {connection.logo ? (
                  <img src={connection.logo} alt="" width={22} height={22} />
                ) : mark.path ? (
                  <svg viewBox="0 0 24 24" width={22} height={22} fill={mark.color} aria-hidden="true">
                    <path d={mark.path} />
                  </svg>
                ) : (
                  <span aria-hidden="true" style={{ color: mark.color }}>
                    {name.slice(0, 1)}
                  </span>
                )}
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
