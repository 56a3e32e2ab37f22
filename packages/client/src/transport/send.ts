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
 * Runs one HTTP exchange under a deadline and the caller's AbortSignal: `exchange` gets the signal
 * to pass to fetch, and must finish (body read included) before the deadline. A timeout, an abort
 * or a failed fetch become AuthingErrors; other errors pass through for the caller to classify.
 */
export async function withDeadline<T>(
  url: string,
  options: SendOptions,
  exchange: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { signal } = options
  if (signal?.aborted) throw abortedError(signal)
  const controller = new AbortController()
  let timedOut = false
  let stop: (reason: unknown) => void = () => {}
  // Settles on the deadline or the caller's abort even when a custom fetch ignores its signal.
  const stopped = new Promise<never>((_resolve, reject) => (stop = reject))
  const abort = () => {
    controller.abort()
    stop(signal?.aborted ? signal.reason : new Error('deadline'))
  }
  const timer = setTimeout(() => {
    timedOut = true
    abort()
  }, options.timeout)
  signal?.addEventListener('abort', abort, { once: true })
  try {
    return await Promise.race([exchange(controller.signal), stopped])
  } catch (error) {
    if (timedOut)
      throw new AuthingError('timeout', `No answer from ${origin(url)} within ${options.timeout} ms`, { cause: error })
    if (signal?.aborted) throw abortedError(signal)
    throw error
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', abort)
  }
}

/**
 * fetch, then a first look at the answer: no answer at all is `network_error`; 429 is
 * `rate_limited`; anything but JSON (an HTML 502 page from a proxy) is `bad_response` with a snippet.
 */
export function fetchJson(
  fetch: FetchFunction,
  url: string,
  init: RequestInit,
  accepts: (contentType: string) => boolean = isJson,
): Promise<Response> {
  return fetch(url, init).then(
    (response) => {
      if (response.status !== 429 && accepts(response.headers.get('content-type') ?? '')) return response
      return response.text().then(
        (text) => Promise.reject(answerError({ status: response.status, headers: response.headers, text }, url)),
        () => Promise.reject(answerError({ status: response.status, headers: response.headers, text: '' }, url)),
      )
    },
    (error: unknown) => {
      // An abort is classified by withDeadline, which knows whether it was the deadline or the caller.
      if (init.signal?.aborted) throw error
      throw new AuthingError('network_error', `Could not reach ${origin(url)}: ${describe(error)}`, { cause: error })
    },
  )
}

const isJson = (contentType: string): boolean => /[/+]json\b/i.test(contentType)

/**
 * One REST-style exchange, read whole: the body is read under the same deadline as the headers.
 * `accepts` widens the content types let through (protocol endpoints also answer text, XML or nothing).
 */
export function send(
  url: string,
  init: RequestInit,
  options: SendOptions,
  accepts?: (contentType: string) => boolean,
): Promise<RawResponse> {
  return withDeadline(url, options, async (signal) => {
    const response = await fetchJson(options.fetch, url, { ...init, signal }, accepts)
    try {
      return { status: response.status, headers: response.headers, text: await response.text() }
    } catch (error) {
      if (signal.aborted) throw error
      throw new AuthingError('network_error', `The answer from ${origin(url)} broke off: ${describe(error)}`, {
        cause: error,
      })
    }
  })
}

function answerError(raw: RawResponse, url: string): AuthingError {
  if (raw.status === 429) {
    const retryAfter = parseRetryAfter(raw.headers.get('retry-after'))
    return new AuthingError('rate_limited', `Too many requests to ${origin(url)}; slow down and retry`, {
      status: 429,
      data: snippet(raw.text),
      ...(retryAfter === undefined ? {} : { retryAfter }),
    })
  }
  const type = raw.headers.get('content-type')
  return new AuthingError(
    'bad_response',
    `Expected JSON from ${origin(url)}, got HTTP ${raw.status} ${type ?? 'without a content type'}`,
    {
      status: raw.status,
      data: snippet(raw.text),
    },
  )
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
