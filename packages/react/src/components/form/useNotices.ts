import { type AuthingError, isAuthingError } from '@authing-kit/client'
import { useState } from 'react'

import { type ErrorCatalog, errorMessage } from './errorMessages.js'

export interface Notices {
  /** The failure shown in the alert region ('' for none). */
  alert: string
  /** The neutral message shown in the status region ('' for none). */
  status: string
  /** Shows a failure in the user's language and tells the app (`onError`, for Authing errors). */
  fail(error: unknown): void
  /** Shows a neutral message (code sent, saved, password reset). */
  inform(text: string): void
  /** Shows the form's own complaint (not the server's) in the alert region. */
  warn(text: string): void
  /** Clears both regions, before a new attempt. */
  clear(): void
}

/** The alert and status regions of a ready-made component: one message at a time, failures told from `errors`. */
export function useNotices(errors: ErrorCatalog, onError: ((error: AuthingError) => void) | undefined): Notices {
  const [alert, setAlert] = useState('')
  const [status, setStatus] = useState('')
  return {
    alert,
    status,
    fail(error) {
      setStatus('')
      setAlert(errorMessage(error, errors))
      if (isAuthingError(error)) onError?.(error)
    },
    inform(text) {
      setAlert('')
      setStatus(text)
    },
    warn(text) {
      setStatus('')
      setAlert(text)
    },
    clear() {
      setAlert('')
      setStatus('')
    },
  }
}
