import { describe, expect, it } from 'vitest'

import { defaultSeed } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { base, setup } from './engine-helpers.js'

const aliceSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

function qrSeed() {
  const seed = structuredClone(defaultSeed)
  seed.users = [
    ...(seed.users ?? []),
    { username: 'alice', password: 'passw0rd', totpSecret: aliceSecret },
    { username: 'carol', password: 'passw0rd' },
  ]
  return seed
}

async function qrSetup() {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const harness = await setup({ seed: qrSeed(), now: () => clock.now })
  const tokenOf = async (username: string): Promise<string> => {
    const res = await harness.login(username, 'passw0rd')
    const token = res.data?.loginByUsername?.token as string | undefined
    if (!token) throw new Error(`${username} could not log in`)
    return token
  }
  const gene = async (scene = 'APP_AUTH') => {
    const res = await harness.rest('POST', '/api/v2/qrcode/gene', { autoMergeQrCode: false, scene })
    expect(res.body.code).toBe(200)
    return res.body.data.random as string
  }
  const check = async (random: string) => (await harness.rest('GET', `/api/v2/qrcode/check?random=${random}`)).body
  const phone = async (action: 'scanned' | 'confirm' | 'cancel', random: string, token: string) =>
    (await harness.rest('POST', `/api/v2/qrcode/${action}`, { random }, { token, appId: null })).body
  const exchange = async (ticket: string) => (await harness.rest('POST', '/api/v2/qrcode/userinfo', { ticket })).body
  return { ...harness, clock, tokenOf, gene, check, phone, exchange }
}

describe('QR-code login, web side', () => {
  it('generates a code of each scene as a PNG that lives 120 s', async () => {
    const { rest } = await qrSetup()
    for (const scene of ['APP_AUTH', 'WXAPP_AUTH', 'WECHATMP_AUTH']) {
      const res = await rest('POST', '/api/v2/qrcode/gene', { autoMergeQrCode: false, scene, params: { a: 1 } })
      expect(res.body.code).toBe(200)
      expect(res.body.data.random).toMatch(/^[0-9a-f]{32}$/)
      expect(res.body.data.expiresIn).toBe(120)
      const png = Buffer.from(String(res.body.data.url).replace(/^data:image\/png;base64,/, ''), 'base64')
      expect(png.subarray(1, 4).toString()).toBe('PNG')
    }
    expect((await rest('POST', '/api/v2/qrcode/gene', { scene: 'SMS' })).body.code).toBe(2231)
    expect((await rest('POST', '/api/v2/qrcode/gene', { scene: 'APP_AUTH', params: '{"a":1}' })).body.code).toBe(2231)
  })

  it('walks 0 → 1 → 2, and the ticket buys the user and a working token once', async () => {
    const { gene, check, phone, exchange, tokenOf, rest } = await qrSetup()
    const random = await gene()
    expect(await check(random)).toMatchObject({ code: 200, data: { random, status: 0 } })
    const bob = await tokenOf('bob')
    expect((await phone('scanned', random, bob)).data).toMatchObject({ random })
    const scanned = (await check(random)).data
    expect(scanned.status).toBe(1)
    expect(scanned.userInfo).toEqual({ nickname: 'Bob', photo: null })
    expect(scanned.ticket).toBeUndefined()
    expect((await phone('confirm', random, bob)).code).toBe(200)
    const confirmed = (await check(random)).data
    expect(confirmed.status).toBe(2)
    expect(confirmed.ticket).toEqual(expect.any(String))
    const user = await exchange(confirmed.ticket)
    expect(user.code).toBe(200)
    expect(user.data.username).toBe('bob')
    const me = await rest('GET', '/api/v2/users/me', undefined, { token: user.data.token })
    expect(me.body.data.username).toBe('bob')
    expect((await exchange(confirmed.ticket)).code).toBe(2241)
  })

  it('answers 3 once the scanner cancels', async () => {
    const { gene, check, phone, tokenOf } = await qrSetup()
    const random = await gene()
    const bob = await tokenOf('bob')
    await phone('scanned', random, bob)
    expect((await phone('cancel', random, bob)).code).toBe(200)
    expect((await check(random)).data).toEqual({
      random,
      status: 3,
      userInfo: expect.anything(),
      scannedUserId: expect.any(String),
    })
    expect((await phone('confirm', random, bob)).code).toBe(2241)
  })

  it('expires a code after 120 s, scanned or not; the ticket after 300 s', async () => {
    const { gene, check, phone, tokenOf, clock, exchange } = await qrSetup()
    const bob = await tokenOf('bob')
    const idle = await gene()
    const scanned = await gene()
    await phone('scanned', scanned, bob)
    clock.now += 119_000
    expect((await check(idle)).data.status).toBe(0)
    clock.now += 1_000
    expect((await check(idle)).data).toEqual({ random: idle, status: -1 })
    expect((await check(scanned)).data.status).toBe(-1)
    expect(await phone('scanned', idle, bob)).toMatchObject({ code: 2241, message: '二维码已过期' })
    expect((await phone('confirm', scanned, bob)).code).toBe(2241)

    const fresh = await gene()
    await phone('scanned', fresh, bob)
    await phone('confirm', fresh, bob)
    const { ticket } = (await check(fresh)).data
    clock.now += 300_000
    expect((await check(fresh)).data.status).toBe(2) // a confirmed code no longer expires as a code
    expect((await exchange(ticket)).code).toBe(2241)
  })

  it('answers 2241 二维码不存在 for an unknown code, and for an unknown ticket', async () => {
    const { check, exchange } = await qrSetup()
    expect(await check('0'.repeat(32))).toMatchObject({ code: 2241, message: '二维码不存在' })
    expect((await exchange('nope')).code).toBe(2241)
  })

  it('answers 4 with the second-factor step when the scanner has MFA, and finishes like any 1635', async () => {
    const { gene, check, phone, tokenOf, emulator } = await qrSetup()
    const random = await gene()
    // alice logs in on her phone with her TOTP; here she stands in through the helper.
    await emulator.qrcode.scan(random, 'alice')
    await emulator.qrcode.confirm(random)
    const { data } = await check(random)
    expect(data.status).toBe(4)
    expect(data.scannedResult).toMatchObject({ code: 1635, apiCode: 1635, statusCode: 302 })
    expect(data.scannedResult.data.mfaToken).toEqual(expect.any(String))
    expect(data.ticket).toBeUndefined()
    expect((await phone('confirm', random, await tokenOf('bob'))).code).toBe(2241)
  })

  it('answers 5 with errmsg and message when the scanner is locked out', async () => {
    const { gene, check, phone, tokenOf, login } = await qrSetup()
    const bob = await tokenOf('bob')
    for (let i = 0; i < 5; i++) await login('bob', 'wrong-password')
    const random = await gene()
    await phone('scanned', random, bob)
    await phone('confirm', random, bob)
    const { data } = await check(random)
    expect(data.status).toBe(5)
    expect(data.scannedResult).toMatchObject({ code: 2005 })
    expect(data.scannedResult.errmsg).toBe(data.scannedResult.message)
    expect(data.scannedResult.message).toMatch(/锁定/)
  })
})

describe('QR-code login, phone side', () => {
  it('refuses confirm or cancel before a scan, and another user at every step', async () => {
    const { gene, phone, tokenOf } = await qrSetup()
    const random = await gene()
    const bob = await tokenOf('bob')
    const carol = await tokenOf('carol')
    expect(await phone('confirm', random, bob)).toMatchObject({ code: 2241, message: '二维码尚未扫描' })
    expect((await phone('cancel', random, bob)).code).toBe(2241)
    await phone('scanned', random, bob)
    expect(await phone('scanned', random, carol)).toMatchObject({ code: 2241, message: '二维码已被其他用户扫描' })
    expect((await phone('confirm', random, carol)).code).toBe(2241)
    expect((await phone('cancel', random, carol)).code).toBe(2241)
    expect((await phone('scanned', random, bob)).code).toBe(200)
  })

  it('needs a user token, Bearer or bare', async () => {
    const { gene, tokenOf, emulator, check } = await qrSetup()
    const random = await gene()
    const call = (authorization?: string) =>
      emulator.fetch(
        new Request(`${base}/api/v2/qrcode/scanned`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ random }),
        }),
      )
    expect(((await (await call()).json()) as { code: number }).code).toBe(2020)
    expect(((await (await call('Bearer forged')).json()) as { code: number }).code).toBe(2020)
    expect(((await (await call(await tokenOf('bob'))).json()) as { code: number }).code).toBe(200)
    expect((await check(random)).data.status).toBe(1)
  })

  it('moves WeChat scenes through the test helper and the dashboard endpoints alike', async () => {
    const { gene, check, emulator, exchange } = await qrSetup()
    const viaHelper = await gene('WXAPP_AUTH')
    await emulator.qrcode.scan(viaHelper, 'bob')
    await emulator.qrcode.cancel(viaHelper)
    expect((await check(viaHelper)).data.status).toBe(3)
    await expect(emulator.qrcode.confirm('nope')).rejects.toMatchObject({ code: 2241 })

    const viaDashboard = await gene('WECHATMP_AUTH')
    const hook = (action: string, body: unknown) =>
      emulator.fetch(
        new Request(`${base}/__emulator/qrcode/${action}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-authing-emulator': '1' },
          body: JSON.stringify(body),
        }),
      )
    expect((await hook('scan', { random: viaDashboard, username: 'bob' })).status).toBe(200)
    expect((await hook('confirm', { random: viaDashboard })).status).toBe(200)
    const { ticket } = (await check(viaDashboard)).data
    expect((await exchange(ticket)).data.username).toBe('bob')
  })

  it('expires a waiting or scanned code at once through the helper and the dashboard endpoint', async () => {
    const { gene, check, emulator, rest } = await qrSetup()
    const waiting = await gene()
    await emulator.qrcode.expire(waiting)
    expect((await check(waiting)).data.status).toBe(-1)
    await expect(emulator.qrcode.expire(waiting)).rejects.toMatchObject({ code: 2241 })

    const scanned = await gene()
    await emulator.qrcode.scan(scanned, 'bob')
    const res = await emulator.fetch(
      new Request(`${base}/__emulator/qrcode/expire`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-authing-emulator': '1' },
        body: JSON.stringify({ random: scanned }),
      }),
    )
    expect(res.status).toBe(200)
    expect((await check(scanned)).data.status).toBe(-1)
    await expect(emulator.qrcode.confirm(scanned)).rejects.toMatchObject({ code: 2241 })
    // Without the emulator's header, no page can end a code.
    const forged = await rest('POST', '/__emulator/qrcode/expire', { random: await gene() })
    expect(forged.status).not.toBe(200)
  })

  it('keeps a shape for the qrcodes table', async () => {
    const { gene, emulator } = await qrSetup()
    await gene()
    const rows = emulator.store.snapshot().tables.qrcodes ?? {}
    for (const row of Object.values(rows)) expect(recordShapeProblem('qrcodes', row)).toBeUndefined()
  })
})
