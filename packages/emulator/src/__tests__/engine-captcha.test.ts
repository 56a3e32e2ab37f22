import { inflateSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { defaultSeed, type SeedDocument } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { base, type CallOptions, loginByUsernameDoc, setup } from './engine-helpers.js'
import { redirectUri, setupOidc } from './engine-oidc-helpers.js'

type RobotVerify = NonNullable<NonNullable<SeedDocument['userPool']>['robotVerify']>

async function captchaSetup(robotVerify: RobotVerify | undefined, captchaAfterFailures?: number) {
  const clock = { now: Date.parse('2026-12-04T10:00:00Z') }
  const seed = structuredClone(defaultSeed)
  seed.userPool = {
    ...seed.userPool,
    ...(robotVerify ? { robotVerify } : {}),
    ...(captchaAfterFailures === undefined ? {} : { captchaAfterFailures }),
  }
  const env = await setup({ seed, now: () => clock.now, lockout: { maxFailures: 5 } })
  /** GET the image as an <img> would: answers the PNG bytes and the session cookie (`name=value`). */
  const image = async (cookie?: string) => {
    const res = await env.emulator.fetch(
      new Request(`${base}/api/v2/security/captcha?r=${clock.now}`, { headers: cookie ? { cookie } : {} }),
    )
    const setCookie = res.headers.get('set-cookie') ?? ''
    return {
      res,
      bytes: new Uint8Array(await res.arrayBuffer()),
      setCookie,
      cookie: setCookie.split(';')[0] ?? '',
    }
  }
  /** A GraphQL password login of bob, with the cookie and captcha answer given; answers the error code or 200. */
  const loginCode = async (password: string, captcha: { cookie?: string; code?: string } = {}) => {
    const opts: CallOptions = captcha.cookie ? { headers: { cookie: captcha.cookie } } : {}
    const input = { username: 'bob', password: env.encrypt(password), captchaCode: captcha.code }
    const res = await env.gql(loginByUsernameDoc, { input }, opts)
    return res.errors?.[0]?.message.code ?? (res.data?.loginByUsername?.token ? 200 : -1)
  }
  return { ...env, clock, image, loginCode }
}

/** Each chunk of a PNG: type and data. */
function chunksOf(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const chunks: { type: string; data: Uint8Array }[] = []
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at)
    chunks.push({
      type: new TextDecoder().decode(png.subarray(at + 4, at + 8)),
      data: png.subarray(at + 8, at + 8 + length),
    })
    at += 12 + length
  }
  return chunks
}

describe('captcha (robot verification, 2000 / 2001)', () => {
  it('condition_set: after N failures a password login answers 2000, even with the right password', async () => {
    const { loginCode } = await captchaSetup('condition_set', 2)
    expect(await loginCode('wrong-1')).toBe(2333)
    expect(await loginCode('wrong-2')).toBe(2333)
    expect(await loginCode('passw0rd')).toBe(2000)
  })

  it('serves a decodable PNG with an HttpOnly session cookie; the answer is in no byte of it', async () => {
    const { image, emulator } = await captchaSetup('always_enable')
    const { res, bytes, setCookie, cookie } = await image()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(setCookie).toMatch(/^authing_captcha=[0-9a-f]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/)
    const chunks = chunksOf(bytes)
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND'])
    const header = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset)
    const [width, height] = [header.getUint32(0), header.getUint32(4)]
    const pixels = inflateSync(chunks[2]!.data)
    expect(pixels.length).toBe((width + 1) * height)
    // Ink: some pixels are not background (index 0).
    expect(pixels.some((p, i) => i % (width + 1) !== 0 && p >= 1 && p <= 4)).toBe(true)
    const answer = emulator.captchaAnswer(cookie)
    expect(answer).toMatch(/^[A-Z2-9]{4}$/)
    expect(Buffer.from(bytes).includes(answer!)).toBe(false)
    expect(Buffer.from(bytes).toString('latin1').toUpperCase()).not.toContain(answer!)
  })

  it("the right answer of the login's own session passes, once", async () => {
    const { image, loginCode, emulator } = await captchaSetup('always_enable')
    expect(await loginCode('passw0rd')).toBe(2000)
    const { cookie } = await image()
    const answer = emulator.captchaAnswer() ?? ''
    expect(await loginCode('passw0rd', { cookie, code: answer.toLowerCase() })).toBe(200)
    // Spent: the same answer again is refused.
    expect(emulator.captchaAnswer(cookie)).toBeNull()
    expect(await loginCode('passw0rd', { cookie, code: answer })).toBe(2001)
  })

  it('a wrong answer is 2001 and burns the image: the right one no longer works', async () => {
    const { image, loginCode, emulator } = await captchaSetup('always_enable')
    const { cookie } = await image()
    const answer = emulator.captchaAnswer(cookie) ?? ''
    expect(await loginCode('passw0rd', { cookie, code: answer === 'AAAA' ? 'BBBB' : 'AAAA' })).toBe(2001)
    expect(await loginCode('passw0rd', { cookie, code: answer })).toBe(2001)
    // A new image for the same session works.
    const again = await image(cookie)
    expect(again.cookie).not.toBe('')
    expect(
      await loginCode('passw0rd', { cookie: again.cookie, code: emulator.captchaAnswer(again.cookie) ?? '' }),
    ).toBe(200)
  })

  it("is bound to the cookie session: another session's answer, or none, does not count", async () => {
    const { image, loginCode, emulator } = await captchaSetup('always_enable')
    const mine = await image()
    const theirs = await image()
    expect(mine.cookie).not.toBe(theirs.cookie)
    const theirAnswer = emulator.captchaAnswer(theirs.cookie) ?? ''
    expect(await loginCode('passw0rd', { cookie: mine.cookie, code: theirAnswer })).toBe(
      theirAnswer === emulator.captchaAnswer(mine.cookie) ? 200 : 2001,
    )
    const fresh = await image()
    expect(await loginCode('passw0rd', { code: emulator.captchaAnswer(fresh.cookie) ?? '' })).toBe(2001)
    expect(await loginCode('passw0rd', { cookie: 'authing_captcha=forged', code: 'ABCD' })).toBe(2001)
  })

  it('an answer expires after 5 minutes', async () => {
    const { image, loginCode, emulator, clock } = await captchaSetup('always_enable')
    const { cookie } = await image()
    const answer = emulator.captchaAnswer(cookie) ?? ''
    clock.now += 5 * 60_000 + 1
    expect(await loginCode('passw0rd', { cookie, code: answer })).toBe(2001)
  })

  it('comes before the lockout: a login owing a captcha counts no failure; with captchas, failures lock at the limit', async () => {
    const { image, loginCode, emulator } = await captchaSetup('condition_set', 3)
    for (let i = 0; i < 3; i++) expect(await loginCode('wrong')).toBe(2333)
    // Without a captcha, nothing is evaluated: no lock however many tries.
    for (let i = 0; i < 5; i++) expect(await loginCode('wrong')).toBe(2000)
    const tryWith = async (password: string) => {
      const { cookie } = await image()
      return loginCode(password, { cookie, code: emulator.captchaAnswer(cookie) ?? '' })
    }
    expect(await tryWith('wrong')).toBe(2333)
    expect(await tryWith('wrong')).toBe(2333) // the 5th failure locks
    expect(await loginCode('passw0rd')).toBe(2000) // still the captcha first
    expect(await tryWith('passw0rd')).toBe(2005)
  })

  it('disable (the default) never asks; a success resets the count under condition_set', async () => {
    const off = await captchaSetup(undefined)
    for (let i = 0; i < 4; i++) expect(await off.loginCode('wrong')).toBe(2333)
    const on = await captchaSetup('condition_set', 2)
    expect(await on.loginCode('wrong')).toBe(2333)
    expect(await on.loginCode('passw0rd')).toBe(200)
    expect(await on.loginCode('wrong')).toBe(2333)
    expect(await on.loginCode('passw0rd')).toBe(200)
  })

  it('REST /api/v2/login/account asks for it too, and takes captchaCode in its body', async () => {
    const { image, rest, encrypt, emulator } = await captchaSetup('always_enable')
    const body = { account: 'bob@example.com', password: encrypt('passw0rd') }
    const refused = await rest('POST', '/api/v2/login/account', body)
    expect(refused.body).toMatchObject({ code: 2000, message: '账号异常，需要输入验证码' })
    const { cookie } = await image()
    const captchaCode = emulator.captchaAnswer(cookie)
    const res = await rest('POST', '/api/v2/login/account', { ...body, captchaCode }, { headers: { cookie } })
    expect(res.body.code).toBe(200)
    expect(res.body.data).toMatchObject({ username: 'bob', token: expect.any(String) })
  })

  it('credentialed cross-origin requests from a local page get CORS with credentials', async () => {
    const { emulator } = await captchaSetup('always_enable')
    const res = await emulator.fetch(
      new Request(`${base}/api/v2/security/captcha?r=1`, { headers: { origin: 'http://localhost:5173' } }),
    )
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('over https the cookie is SameSite=None; Secure; sessions are valid records', async () => {
    const { emulator } = await captchaSetup('always_enable')
    const res = await emulator.fetch(new Request('https://auth.example.com/api/v2/security/captcha?r=1'))
    expect(res.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=None; Secure$/)
    for (const [, record] of emulator.store.table('captchas').entries())
      expect(recordShapeProblem('captchas', record)).toBeUndefined()
    expect(recordShapeProblem('userPools', emulator.store.table('userPools').values().next().value)).toBeUndefined()
  })

  it("the hosted login page asks for it too: an inline image whose answer is bound to the page's cookie", async () => {
    const seed = structuredClone(defaultSeed)
    seed.userPool = { ...seed.userPool, robotVerify: 'condition_set', captchaAfterFailures: 1 }
    seed.applications = [{ ...seed.applications?.[0], redirectUris: [redirectUri] }]
    const oidc = await setupOidc({ seed })
    const query = oidc.authorizeQuery()
    const first = await oidc.logIn(query, 'bob', 'wrong')
    expect(first.status).toBe(401)
    const html = await first.text()
    // The failure made the next try owe a captcha: the page shows one, inline (its CSP allows data: images only).
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="captcha"/)
    expect(html).toContain('name="captchaCode"')
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    expect(oidc.emulator.captchaAnswer(cookie)).toMatch(/^[A-Z2-9]{4}$/)
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      oidc.postForm(
        '/oidc/auth',
        { ...query, username: 'bob', password: 'passw0rd', ...fields },
        { origin: base, ...headers },
      )
    expect((await post({})).status).toBe(401)
    const again = await post({ captchaCode: 'ZZZZ' }, { cookie })
    expect(await again.text()).toContain('验证码验证失败')
    const fresh = (again.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const ok = await post({ captchaCode: oidc.emulator.captchaAnswer(fresh) ?? '' }, { cookie: fresh })
    expect(ok.status).toBe(303)
  })

  it("GET /__emulator/captcha answers the latest answer (or a session's), to scripts only", async () => {
    const { image, emulator } = await captchaSetup('always_enable')
    const { cookie } = await image()
    await image()
    const helper = (query = '', headers: Record<string, string> = {}) =>
      emulator.fetch(new Request(`${base}/__emulator/captcha${query}`, { headers }))
    expect(await (await helper()).json()).toEqual({ answer: emulator.captchaAnswer() })
    const session = cookie.split('=')[1] ?? ''
    expect(await (await helper(`?session=${session}`)).json()).toEqual({ answer: emulator.captchaAnswer(cookie) })
    expect((await helper('', { origin: 'http://localhost:5173' })).status).toBe(403)
  })

  it('refuses a seed with an unknown robotVerify', async () => {
    const seed = structuredClone(defaultSeed)
    seed.userPool = { ...seed.userPool, robotVerify: 'sometimes' as RobotVerify }
    await expect(setup({ seed })).rejects.toThrow(/robotVerify/)
  })
})
