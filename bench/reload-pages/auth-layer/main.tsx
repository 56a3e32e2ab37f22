// bench/react-reload.mjs: the auth layer alone. The remembered session through AuthingProvider and
// useProfile (React Query), shown as the no-auth page shows its static data.
import { AuthingProvider, useProfile } from '@authing-kit/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import '../../../examples/vite-react/src/app.css'

const params = new URLSearchParams(location.search)

function Profile() {
  const { profile } = useProfile()
  if (!profile) return <p>Not logged in</p>
  return (
    <section className="profile">
      <h2>{profile.nickname}</h2>
      <dl>
        <dt>Username</dt>
        <dd>{profile.username}</dd>
        <dt>Email</dt>
        <dd>{profile.email}</dd>
        <dt>Phone</dt>
        <dd>{profile.phone}</dd>
      </dl>
    </section>
  )
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <AuthingProvider appId={params.get('appId')!} appHost={params.get('appHost')!}>
      <Profile />
    </AuthingProvider>
  </QueryClientProvider>,
)
