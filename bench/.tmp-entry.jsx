import { AuthingProvider } from '@authing-kit/react'
import { LoginForm } from '@authing-kit/react/login-form'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
createRoot(document.body).render(<QueryClientProvider client={new QueryClient()}><AuthingProvider appId="x"><LoginForm /></AuthingProvider></QueryClientProvider>)