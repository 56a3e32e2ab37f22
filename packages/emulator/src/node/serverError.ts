/** Why the Node server or its persistence could not do what was asked. */
export type EmulatorServerErrorCode =
  | 'HOST_NOT_LOOPBACK'
  | 'PORT_IN_USE'
  | 'LISTEN_FAILED'
  | 'START_FAILED'
  | 'SEED_INVALID'
  | 'DATA_CORRUPT'
  | 'DATA_UNAVAILABLE'
  | 'DATA_LOCKED'
  | 'DATA_READ_ONLY'
  | 'JOURNAL_CLOSED'

export class EmulatorServerError extends Error {
  override readonly name = 'EmulatorServerError'
  readonly code: EmulatorServerErrorCode

  constructor(code: EmulatorServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

export function isEmulatorServerError(error: unknown): error is EmulatorServerError {
  return error instanceof EmulatorServerError
}
