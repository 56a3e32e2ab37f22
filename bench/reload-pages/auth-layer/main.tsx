// bench/react-reload.mjs: the auth layer alone. The remembered session through AuthingProvider and
// useProfile (React Query), shown on the baseline's page.
import { AuthingProvider, useProfile } from '@authing-kit/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'

import { ProfilePage } from '../shared/ProfilePage.js'

const params = new URLSearchParams(location.search)
const appHost = params.get('appHost')!

function Profile() {
  const { profile } = useProfile()
  return profile ? <ProfilePage user={profile} host={appHost} /> : <p>Not logged in</p>
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <AuthingProvider appId={params.get('appId')!} appHost={appHost}>
      <Profile />
    </AuthingProvider>
  </QueryClientProvider>,
)
