import './app.css'

import { AuthingProvider } from '@authing-kit/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './App.js'
import { appHost, appId } from './config.js'

const queryClient = new QueryClient()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthingProvider appId={appId} appHost={appHost}>
        <App />
      </AuthingProvider>
    </QueryClientProvider>
  </StrictMode>,
)
