import { useAuth } from '@authing-kit/react'
import { UserProfile } from '@authing-kit/react/user-profile'
import { type ReactNode, useState } from 'react'

import { AccessPage } from './AccessPage.js'
import { appHost } from './config.js'
import { LangSwitch } from './LangSwitch.js'
import { LoginPage } from './LoginPage.js'
import { MESSAGES } from './messages.js'
import { useLang } from './useLang.js'

type Tab = 'profile' | 'access'

const TABS: { id: Tab; label: 'profileTab' | 'accessTab' }[] = [
  { id: 'profile', label: 'profileTab' },
  { id: 'access', label: 'accessTab' },
]

export function App(): ReactNode {
  const status = useAuth((auth) => auth.status)
  const name = useAuth(
    (auth) => auth.user?.nickname || auth.user?.username || auth.user?.phone || auth.user?.email || null,
  )
  const [tab, setTab] = useState<Tab>('profile')
  const [lang, setLang] = useLang()
  const t = MESSAGES[lang]

  return (
    <div className="app">
      <header className="app__header">
        <span className="app__brand">authing-kit</span>
        <div className="app__aside">
          <span className="app__host">
            {name !== null && (
              <span className="app__user">
                {t.signedInAs}
                <strong>{name}</strong> ·{' '}
              </span>
            )}
            {appHost}
          </span>
          <LangSwitch lang={lang} onChange={setLang} />
        </div>
      </header>
      <main className="app__main">
        {status === 'loading' && <p className="muted">{t.loading}</p>}
        {status === 'anonymous' && <LoginPage lang={lang} />}
        {status === 'authenticated' && (
          <>
            <nav className="tabs" aria-label={t.pages}>
              {TABS.map(({ id, label }) => (
                <button
                  key={id}
                  type="button"
                  className="tabs__tab"
                  aria-current={tab === id ? 'page' : undefined}
                  onClick={() => setTab(id)}
                >
                  {t[label]}
                </button>
              ))}
            </nav>
            {tab === 'profile' ? <UserProfile lang={lang} className="profile" /> : <AccessPage t={t} />}
          </>
        )}
      </main>
    </div>
  )
}
