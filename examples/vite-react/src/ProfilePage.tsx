import { useLogout, useProfile } from '@authing-kit/react'
import { useState, type FormEvent, type ReactNode } from 'react'

export function ProfilePage(): ReactNode {
  const { profile, update, isUpdating, updateError } = useProfile()
  const { logout, isPending: isLoggingOut } = useLogout()
  const [draft, setDraft] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const nickname = draft ?? profile?.nickname ?? ''

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSaved(false)
    try {
      await update({ nickname: nickname.trim() })
      setDraft(null)
      setSaved(true)
    } catch {
      // updateError shows it; the optimistic change was rolled back.
    }
  }

  if (!profile) return <p className="muted">Loading your profile…</p>
  return (
    <section className="card">
      <h1>Hello, {profile.nickname || profile.username || 'there'}</h1>
      <dl className="facts">
        <dt>Username</dt>
        <dd>{profile.username ?? '—'}</dd>
        <dt>Email</dt>
        <dd>{profile.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{profile.phone ?? '—'}</dd>
        <dt>User id</dt>
        <dd>
          <code>{profile.id}</code>
        </dd>
      </dl>
      <form className="row" onSubmit={save}>
        <label className="field">
          <span>Nickname</span>
          <input value={nickname} maxLength={64} onChange={(event) => setDraft(event.target.value)} />
        </label>
        <button type="submit" className="button" disabled={isUpdating || draft === null}>
          {isUpdating ? 'Saving…' : 'Save'}
        </button>
      </form>
      {updateError && <p className="error" role="alert">{updateError.message}</p>}
      {saved && !updateError && <p className="success" role="status">Saved.</p>}
      <div className="actions">
        <button type="button" className="button button--ghost" disabled={isLoggingOut} onClick={() => void logout().catch(() => {})}>
          {isLoggingOut ? 'Logging out…' : 'Log out'}
        </button>
      </div>
    </section>
  )
}
