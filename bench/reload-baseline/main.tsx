// The baseline of bench/react-reload.mjs: the same kind of page as the example's profile, rendered by
// React with no auth at all (the data is in the page itself).
import { createRoot } from 'react-dom/client'

const user = { nickname: 'Bob', username: 'bob', email: 'bob@example.com', phone: '13800138000' }

createRoot(document.getElementById('root')!).render(
  <section className="profile">
    <h2>{user.nickname}</h2>
    <dl>
      <dt>Username</dt>
      <dd>{user.username}</dd>
      <dt>Email</dt>
      <dd>{user.email}</dd>
      <dt>Phone</dt>
      <dd>{user.phone}</dd>
    </dl>
  </section>,
)
