// The example's profile page as plain elements: its header (brand, user, host, language switch),
// its tabs and the profile with its two forms. The no-auth page fills it from constants, the
// auth-layer page from useProfile, so the two differ by the auth layer alone.
import '../../../examples/vite-react/src/app.css'

import type { ReactNode } from 'react'

export interface ProfilePageUser {
  nickname?: string | null
  username?: string | null
  email?: string | null
  phone?: string | null
  photo?: string | null
}

function Field({
  label,
  value = '',
  type = 'text',
}: {
  label: string
  value?: string | null | undefined
  type?: string
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type={type} defaultValue={value ?? ''} />
    </label>
  )
}

export function ProfilePage({ user, host }: { user: ProfilePageUser; host: string }): ReactNode {
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__brand">authing-kit</span>
        <div className="app__aside">
          <span className="app__host">
            <span className="app__user">
              Signed in as <strong>{user.nickname}</strong> ·{' '}
            </span>
            {host}
          </span>
          <div className="lang-switch" role="group" aria-label="Language / 语言">
            <button type="button" lang="en-US" className="lang-switch__option" aria-pressed="true">
              English
            </button>
            <button type="button" lang="zh-CN" className="lang-switch__option" aria-pressed="false">
              中文
            </button>
          </div>
        </div>
      </header>
      <main className="app__main">
        <nav className="tabs" aria-label="Pages">
          <button type="button" className="tabs__tab" aria-current="page">
            Profile
          </button>
          <button type="button" className="tabs__tab">
            Roles &amp; resources
          </button>
        </nav>
        <section className="profile">
          {user.photo ? <img src={user.photo} alt="Profile photo" width={56} height={56} /> : null}
          <h2>{user.nickname}</h2>
          <dl>
            <dt>Username</dt>
            <dd>{user.username}</dd>
            <dt>Email</dt>
            <dd>{user.email}</dd>
            <dt>Phone</dt>
            <dd>{user.phone}</dd>
          </dl>
          <form aria-label="Details">
            <h3>Details</h3>
            <Field label="Nickname" value={user.nickname} />
            <Field label="Full name" />
            <Field label="Photo URL" value={user.photo} type="url" />
            <button type="submit">Save</button>
          </form>
          <form aria-label="Change password">
            <h3>Change password</h3>
            <Field label="Current password" type="password" />
            <Field label="New password" type="password" />
            <button type="submit">Change password</button>
          </form>
          <button type="button">Log out</button>
        </section>
      </main>
    </div>
  )
}
