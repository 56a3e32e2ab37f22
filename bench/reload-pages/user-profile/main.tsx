// bench/react-reload.mjs: the ready-made <UserProfile /> on the remembered session, nothing else.
import '../../../examples/vite-react/src/app.css'

import { AuthingProvider } from '@authing-kit/react'
import { UserProfile } from '@authing-kit/react/user-profile'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'

const params = new URLSearchParams(location.search)

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <AuthingProvider appId={params.get('appId')!} appHost={params.get('appHost')!}>
      <UserProfile lang="en-US" className="profile" />
    </AuthingProvider>
  </QueryClientProvider>,
)
