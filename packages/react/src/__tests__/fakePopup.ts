/** jsdom opens no real popup: `window.open` answers fake windows, and the test posts their page's message. */
import { vi } from 'vitest'

/** `window.open` handing out fake popups (or none: a blocker); the URLs it opened. */
export function fakeOpen(blocked = false) {
  const opened: { url: string; popup: { closed: boolean; close(): void } }[] = []
  vi.spyOn(window, 'open').mockImplementation((url) => {
    if (blocked) return null
    const popup = { closed: false, close: () => void (popup.closed = true) }
    opened.push({ url: String(url), popup })
    return popup as unknown as Window
  })
  return opened
}

/** What the popup's page posts to its opener, as the browser delivers it: from `origin`, by `source`. */
export function post(data: unknown, origin: string, source: unknown) {
  const event = new MessageEvent('message', { data, origin })
  Object.defineProperty(event, 'source', { value: source })
  window.dispatchEvent(event)
}
