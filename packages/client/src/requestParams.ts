import { AuthingError } from './errors.js'

/** Extra context Authing passes to pipeline hooks with a login or registration. */
export interface RequestContextOptions {
  /** Custom data for the user pool's pipeline, sent as `params` (`[{key, value}]` JSON). */
  customData?: Record<string, unknown>
  /** Request context for pipelines, sent as JSON text. */
  context?: Record<string, unknown>
  clientIp?: string
}

export function pipelineParams(options: RequestContextOptions): {
  params?: string
  context?: string
  clientIp?: string
} {
  const result: { params?: string; context?: string; clientIp?: string } = {}
  if (options.customData)
    result.params = JSON.stringify(Object.entries(options.customData).map(([key, value]) => ({ key, value })))
  if (options.context) result.context = JSON.stringify(options.context)
  if (options.clientIp !== undefined) result.clientIp = options.clientIp
  return result
}

/** Rejects what the server could never accept before anything is sent (JS callers have no compiler to stop them). */
export function requireString(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AuthingError('invalid_argument', `${name} must be a non-empty string`, { data: { argument: name } })
  }
  return value
}

/**
 * Identifiers and codes are short: a longer one is a bug or an attack, refused before anything is
 * sent (or encrypted) with a message that says so, instead of a server error about the request.
 */
export const SHORT_STRING_MAX_LENGTH = 1000

/** A username, email, phone, code or scene: a non-empty string of at most {@link SHORT_STRING_MAX_LENGTH} characters. */
export function requireShortString(name: string, value: unknown): string {
  const text = requireString(name, value)
  if (text.length > SHORT_STRING_MAX_LENGTH) {
    throw new AuthingError(
      'invalid_argument',
      `${name} is ${text.length} characters long; at most ${SHORT_STRING_MAX_LENGTH} are accepted`,
      {
        data: { argument: name, maxLength: SHORT_STRING_MAX_LENGTH },
      },
    )
  }
  return text
}

/** How Authing finds one user: any of these identifiers. */
export interface UserIdentifiers {
  username?: string
  email?: string
  phone?: string
  externalId?: string
}

/** Keeps the identifiers that are set; at least one is required. */
export function requireIdentifier(identifiers: UserIdentifiers): UserIdentifiers {
  const { username, email, phone, externalId } = identifiers ?? {}
  if (!username && !email && !phone && !externalId) {
    throw new AuthingError('invalid_argument', 'Pass a username, email, phone or externalId')
  }
  return { username, email, phone, externalId } as UserIdentifiers
}

/** A non-empty list of non-empty strings (ids, codes). */
export function requireList(name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== 'string' || !item)) {
    throw new AuthingError('invalid_argument', `${name} must be a non-empty array of strings`, {
      data: { argument: name },
    })
  }
  return value as string[]
}
