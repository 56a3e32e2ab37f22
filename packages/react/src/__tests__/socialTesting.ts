/**
 * Social login in jsdom, which opens no real popup: `window.open` answers fake windows, the
 * emulator's stand-in provider page is continued in-process, and its message is posted here.
 */
import { defaultSeed } from '@authing-kit/emulator'
import { vi } from 'vitest'

import { startAuthing } from './testAuthing.js'

type Authing = Awaited<ReturnType<typeof startAuthing>>
export type OpenedPopups = { url: string; popup: { closed: boolean; close(): void } }[]

/** The default seed's connections (github, wechat, …) and weibo, whose new users bind an account first. */
export function startSocial(): Promise<Authing> {
  const seed = structuredClone(defaultSeed)
  const [app] = seed.applications ?? []
  if (!app) throw new Error('the default seed has an application')
  app.socialConnections = [...(app.socialConnections ?? []), { identifier: 'weibo', bindExistingAccount: true }]
  return startAuthing({ seed })
}

/** `window.open` handing out fake popups (or none: a blocker); the URLs it opened. */
export function fakeOpen(blocked = false): OpenedPopups {
  const opened: OpenedPopups = []
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

/**
 * Plays the provider of the last popup opened: its page and "Continue". Answers the message the
 * page would post, the popup, and the app host's origin the message must come from.
 */
export async function continuePopup(authing: Authing, opened: OpenedPopups) {
  const last = opened.at(-1)
  if (!last) throw new Error('no popup was opened')
  const answer = await authing.emulator.social.continue(last.url, { referer: location.href })
  if (answer.relay !== 'web_message') throw new Error('expected the popup relay')
  return { message: answer.message, popup: last.popup, origin: new URL(authing.info.appHost).origin }
}
