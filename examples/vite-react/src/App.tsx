import { useAuth } from '@authing-kit/react'
import { LoginForm } from '@authing-kit/react/login-form'
import { useState, type ReactNode } from 'react'
import { AccessPage } from './AccessPage.js'
import { appHost } from './config.js'
import { ProfilePage } from './ProfilePage.js'

type Tab = 'profile' | 'access'

const TABS: { id: Tab; label: string }[] = [
  { id: 'profile', label: 'Profile' },
  { id: 'access', label: 'Roles & resources' },
]

export function App(): ReactNode {
  const status = useAuth((auth) => auth.status)
  const [tab, setTab] = useState<Tab>('profile')

  return (
    <div className="app">
      <header className="app__header">
        <span className="app__brand">authing-kit</span>
        <span className="app__host">{appHost}</span>
      </header>
      <main className="app__main">
        {status === 'loading' && <p className="muted">Loading…</p>}
        {status === 'anonymous' && (
          <>
            <LoginForm lang="en-US" className="login" />
            <p className="muted login-hint">
              Demo login: <code>bob</code> / <code>passw0rd</code>. SMS and email codes appear in the terminal and on the{' '}
              <a href={`${appHost}/`}>emulator's dashboard</a>.
            </p>
          </>
        )}
        {status === 'authenticated' && (
          <>
            <nav className="tabs" aria-label="Pages">
              {TABS.map(({ id, label }) => (
                <button key={id} type="button" className="tabs__tab" aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
                  {label}
                </button>
              ))}
            </nav>
            {tab === 'profile' ? <ProfilePage /> : <AccessPage />}
          </>
        )}
      </main>
    </div>
  )
}
