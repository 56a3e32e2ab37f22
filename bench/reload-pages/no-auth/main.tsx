// The baseline of bench/react-reload.mjs: the example's profile page as a page with no auth at all.
// The same React, the same stylesheet and the same elements (header, tabs, photo, details, the two
// forms), rendered from data in the page itself; what the example takes longer is what auth costs.
import { createRoot } from 'react-dom/client'
import '../../../examples/vite-react/src/app.css'

const user = { nickname: 'Bob', username: 'bob', email: 'bob@example.com', phone: '13800138000', photo: '/avatar.svg' }

function Field({ label, value = '', type = 'text' }: { label: string; value?: string; type?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type={type} defaultValue={value} />
    </label>
  )
}

createRoot(document.getElementById('root')!).render(
  <div className="app">
    <header className="app__header">
      <span className="app__brand">authing-kit</span>
      <span className="app__host">
        Signed in as <strong>{user.nickname}</strong>
      </span>
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
        <img src={user.photo} alt="Profile photo" width={56} height={56} />
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
  </div>,
)
