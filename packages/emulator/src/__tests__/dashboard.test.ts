import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { EmulatorOptions } from '../index.js'
import { renderDashboard } from '../engine/dashboard.js'
import { EmulatorState } from '../engine/state.js'
import { setup } from './engine-helpers.js'

/** A ready emulator on a clock the test moves, and its dashboard as the router would render it. */
async function dashboardSetup(options: EmulatorOptions = {}) {
  const clock = { now: Date.parse('2024-05-01T10:00:00Z') }
  const harness = await setup({ now: () => clock.now, ...options })
  const state = new EmulatorState(harness.emulator.store)
  const page = (): string =>
    renderDashboard({ state, info: harness.emulator.info(), outbox: harness.emulator.outbox(), now: clock.now })
  return { ...harness, clock, page }
}

describe('dashboard', () => {
  it('lists the seed user, role, application, grant and a code sent over the wire', async () => {
    const { page, rest, info } = await dashboardSetup()
    const sent = await rest('POST', '/api/v2/sms/send', { phone: '13800138000', scene: 'login' })
    expect(sent.body.code).toBe(200)
    const html = page()

    expect(html).toMatch(/^<!doctype html>/)
    for (const text of ['bob', 'bob@example.com', '13800138000', 'Bob', 'Emulator App', 'emulator-app', 'Books']) {
      expect(html).toContain(text)
    }
    expect(html).toMatch(/<span class="pill"[^>]*>admin<\/span>/)
    expect(html).toMatch(/Administrator<\/td><td>1<\/td>/) // admin has one member
    expect(html).toContain('role <b>admin</b>: read')
    expect(html).toContain(`VITE_AUTHING_APP_ID=${info.appId}`)
    expect(html).toContain(`VITE_AUTHING_APP_HOST=${info.appHost}`)
    expect(html).toContain('<code>bob</code> / <code>passw0rd</code>')
    const [message] = (await import('./engine-helpers.js')) && [sent] && []
    void message
  })
})
