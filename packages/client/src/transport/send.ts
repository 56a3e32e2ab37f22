import { AuthingError } from '../errors.js'

export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/** What came back, read whole: the body is read under the same timeout as the headers. */
export interface RawResponse {
  status: number
  headers: Headers
  text: string
}

export interface SendOptions {
  fetch: FetchFunction
  /** Milliseconds for the whole exchange, body included. */
  timeout: number
  signal?: AbortSignal | undefined
}

const SNIPPET_LENGTH = 200

/**
 * One HTTP exchange with a deadline and the caller's AbortSignal; every way it can fail becomes an
 * AuthingError. The body is checked to be JSON here, so both GraphQL and REST callers can trust it.
 */
export async function send(url: string, init: RequestInit, options: SendOptions): Promise<RawResponse> {
  const { signal } = options
  if (signal?.aborted) throw abortedError(signal)
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, options.timeout)
  const forwardAbort = () => controller.abort()
  signal?.addEventListener('abort', forwardAbort, { once: true })
  let raw: RawResponse
  try {
    const response = await options.fetch(url, { ...init, signal: controller.signal })
    raw = { status: response.status, headers: response.headers, text: await response.text() }
  } catch (error) {
    if (timedOut) throw new AuthingError('timeout', `No answer from ${origin(url)} within ${options.timeout} ms`, { cause: error })
    if (signal?.aborted) throw abortedError(signal)
    throw new AuthingError('network_error', `Could not reach ${origin(url)}: ${describe(error)}`, { cause: error })
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', forwardAbort)
  }
  return checkResponse(raw, url)
}

function checkResponse(raw: RawResponse, url: string): RawResponse {
  if (raw.status === 429) {
    const retryAfter = parseRetryAfter(raw.headers.get('retry-after'))
    throw new AuthingError('rate_limited', `Too many requests to ${origin(url)}; slow down and retry`, {
      status: 429,
      data: snippet(raw.text),
      ...(retryAfter === undefined ? {} : { retryAfter }),
    })
  }
  const type = raw.headers.get('content-type') ?? ''
  if (!/[/+]json\b/i.test(type)) {
    throw new AuthingError('bad_response', `Expected JSON from ${origin(url)}, got HTTP ${raw.status} ${type || 'without a content type'}`, {
      status: raw.status,
      data: snippet(raw.text),
    })
  }
  return raw
}

/** Parses a body `send` accepted; malformed JSON is a `bad_response`, never a SyntaxError. */
export function parseJson(raw: RawResponse): unknown {
  try {
    return JSON.parse(raw.text)
  } catch (error) {
    throw new AuthingError('bad_response', `Malformed JSON in an HTTP ${raw.status} answer`, {
      status: raw.status,
      data: snippet(raw.text),
      cause: error,
    })
  }
}

export function snippet(text: string): string {
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH)}…` : text
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

export function abortedError(signal: AbortSignal): AuthingError {
  return new AuthingError('aborted', 'The request was aborted', { cause: signal.reason })
}

function origin(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
  }
  return String(error)
}
