import { describe, expect, it } from 'vitest'

import { hiddenFieldsOf, relayedMessageOf } from '../engine/ui/socialPages.js'
import { defaultSeed } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { base, setup } from './engine-helpers.js'

const app = 'http://localhost:3000'

function socialSeed() {
  const seed = structuredClone(defaultSeed)
  const [first] = seed.applications ?? []
  if (!first) throw new Error('the default seed has an application')
  first.socialConnections = [
    ...(first.socialConnections ?? []),
    { identifier: 'qq', refuse: { code: 2240, message: 'QQ said no' } },
    { identifier: 'weibo', bindExistingAccount: true, account: { userIdInIdp: 'w-1', nickname: 'Weibo <b>Bob</b>' } },
  ]
  seed.users = [
    ...(seed.users ?? []),
    { username: 'alice', password: 'passw0rd', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  ]
  return seed
}

async function socialSetup() {
  const harness = await setup({ seed: socialSeed() })
  const { emulator, info } = harness
  const pageUrl = (identifier: string, query: Record<string, string> = {}) =>
    `${base}/connections/social/${identifier}?${new URLSearchParams({ app_id: info.appId, from_guard: '1', ...query })}`
  const open = (identifier: string, query: Record<string, string> = {}, referer: string | null = `${app}/login`) =>
    emulator.fetch(new Request(pageUrl(identifier, query), { headers: referer ? { referer } : {} }))
  /** Presses the page's button: posts its hidden fields, as a browser would. */
  const cont = async (page: Response, identifier: string, origin = base) => {
    const fields = hiddenFieldsOf(await page.text())
    return emulator.fetch(
      new Request(`${base}/connections/social/${identifier}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams(fields),
      }),
    )
  }
  /** The message the relay page posts, and the origin it posts it to. */
  const relayed = async (res: Response) => {
    const text = await res.text()
    const relayed = relayedMessageOf(text)
    return { message: relayed?.message as any, origin: relayed?.origin, text }
  }
  return { ...harness, open, cont, relayed }
}

describe('social login, the stand-in provider', () => {
  it('shows an escaped page with the hosted pages’ CSP and no script', async () => {
    const { open } = await socialSetup()
    const res = await open('github')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('content-security-policy')).not.toContain('script-src')
    const text = await res.text()
    expect(text).toContain('Continue as octocat on GitHub (emulated)')
    expect(text).not.toContain('<script')
    const weibo = await (await open('weibo')).text()
    expect(weibo).toContain('Weibo &#60;b&#62;Bob&#60;/b&#62;')
    expect(weibo).not.toContain('<b>Bob')
  })

  it('popup: continue creates the user with the identity and posts the user to the opener’s origin only', async () => {
    const { open, cont, relayed, rest } = await socialSetup()
    const res = await cont(await open('github'), 'github')
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[0-9a-f]+'/)
    const { message, origin, text } = await relayed(res)
    expect(origin).toBe(app)
    expect(text).not.toContain("'*'")
    expect(message).toMatchObject({ code: 200, event: { source: 'authing', eventType: 'socialLogin' } })
    expect(message.data).toMatchObject({ nickname: 'octocat', registerSource: ['social:github'] })
    expect(message.data.identities).toMatchObject([{ provider: 'github', userIdInIdp: '583231', isSocial: true }])
    const me = await rest('GET', '/api/v2/users/me', undefined, { token: message.data.token })
    expect(me.body.data.id).toBe(message.data.id)

    // The same account again: the same user, no second one.
    const again = await relayed(await cont(await open('github'), 'github'))
    expect(again.message.data.id).toBe(message.data.id)
    expect(again.message.data.loginsCount).toBe(2)
  })

  it('never posts to an origin the emulator’s CORS rules refuse, nor to an unknown one', async () => {
    const { open, cont } = await socialSetup()
    const evil = await open('github', {}, 'https://evil.example/page')
    expect(evil.status).toBe(403)
    expect(await evil.text()).toContain('not https://evil.example')
    expect((await open('github', {}, null)).status).toBe(400)
    // The form's hidden origin is checked again on the POST, so editing it changes nothing.
    const forged = await cont(await open('github'), 'github')
    expect(forged.status).toBe(200)
    const page = await open('github')
    const text = (await page.text()).replace('http://localhost:3000', 'https://evil.example')
    const posted = await cont(new Response(text), 'github')
    expect(posted.status).toBe(403)
  })

  it('writes custom_data to the user’s custom fields; an unknown field fails before any login', async () => {
    const { open, cont, relayed } = await socialSetup()
    const custom = { custom_data: JSON.stringify({ school: 'MIT' }) }
    const { message } = await relayed(await cont(await open('github', custom), 'github'))
    expect(message.data.customData).toEqual([expect.objectContaining({ key: 'school', value: 'MIT' })])
    const bad = { custom_data: JSON.stringify({ nope: 1 }) }
    const refused = await relayed(await cont(await open('github', bad), 'github'))
    expect(refused.message).toMatchObject({ code: 2231, data: null })
    expect((await open('github', { custom_data: '[1]' })).status).toBe(400)
  })

  it('refuses a continue posted from another site', async () => {
    const { open, cont } = await socialSetup()
    const res = await cont(await open('github'), 'github', 'https://evil.example')
    expect(res.status).toBe(403)
  })

  it('a refusing provider answers its code and message to the opener', async () => {
    const { open, cont, relayed } = await socialSetup()
    const { message } = await relayed(await cont(await open('qq'), 'qq'))
    expect(message).toMatchObject({ code: 2240, message: 'QQ said no', data: null })
  })

  it('a provider that binds first stops at 1641 with the hybrid envelope as JSON in message', async () => {
    const { open, cont, relayed } = await socialSetup()
    const { message } = await relayed(await cont(await open('weibo'), 'weibo'))
    expect(message).toMatchObject({ code: 1641, data: null })
    const envelope = JSON.parse(message.message)
    expect(envelope).toMatchObject({ code: 1641, apiCode: 1641, statusCode: 302 })
    expect(envelope.flowHandle).toBe(envelope.data.flowHandle)
    expect(envelope.data.methods).toContain('username-password')
  })

  it('1641 → bind-identity-by-password links the existing account and ends the flow', async () => {
    const { open, cont, relayed, rest, encrypt } = await socialSetup()
    const { message } = await relayed(await cont(await open('weibo'), 'weibo'))
    const { flowHandle } = JSON.parse(message.message)
    const wrong = await rest('POST', '/interaction/authFlow', {
      action: 'bind-identity-by-password',
      flowHandle,
      data: { account: 'bob', password: encrypt('nope') },
    })
    expect(wrong.body).toMatchObject({ code: 2333, statusCode: 400 })
    const done = await rest('POST', '/interaction/authFlow', {
      action: 'bind-identity-by-password',
      flowHandle,
      data: { account: 'bob', password: encrypt('passw0rd') },
    })
    expect(done.body).toMatchObject({ code: 1600, apiCode: 1600, statusCode: 302 })
    expect(done.body.data.user).toMatchObject({
      username: 'bob',
      identities: [{ provider: 'weibo', userIdInIdp: 'w-1' }],
    })
    // Spent; and the next weibo login goes straight to bob.
    const replay = await rest('POST', '/interaction/authFlow', { action: 'create-federation-account', flowHandle })
    expect(replay.body.code).toBe(2207)
    const next = await relayed(await cont(await open('weibo'), 'weibo'))
    expect(next.message).toMatchObject({ code: 200, data: { username: 'bob' } })
  })

  it('1641 → create-federation-account makes a new user; binding an MFA user meets 1635', async () => {
    const { open, cont, relayed, rest } = await socialSetup()
    const handle = async () =>
      JSON.parse((await relayed(await cont(await open('weibo'), 'weibo'))).message.message).flowHandle
    const created = await rest('POST', '/interaction/authFlow', {
      action: 'create-federation-account',
      flowHandle: await handle(),
    })
    expect(created.body).toMatchObject({ code: 1600, data: { user: { username: null, nickname: 'Weibo <b>Bob</b>' } } })
    expect(created.body.data.user.token).toEqual(expect.any(String))
    // A fresh emulator: weibo's account is bob-less there, and alice has an authenticator.
    const harness = await socialSetup()
    const flowHandle = JSON.parse(
      (await harness.relayed(await harness.cont(await harness.open('weibo'), 'weibo'))).message.message,
    ).flowHandle
    const mfa = await harness.rest('POST', '/interaction/authFlow', {
      action: 'bind-identity-by-password',
      flowHandle,
      data: { account: 'alice', password: harness.encrypt('passw0rd') },
    })
    expect(mfa.body).toMatchObject({ code: 1635, statusCode: 400 })
    expect(mfa.body.data.mfaToken).toEqual(expect.any(String))
  })

  it('redirect: back to target_url with code, message and the user in the query, its own query kept', async () => {
    const { open, cont } = await socialSetup()
    const target = `${app}/callback?authing_social_state=abc`
    const page = await open('github', { relay_method: 'query', target_url: target }, null)
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${app}`)
    const res = await cont(page, 'github')
    expect(res.status).toBe(303)
    const back = new URL(res.headers.get('location') ?? '')
    expect(back.origin + back.pathname).toBe(`${app}/callback`)
    expect(back.searchParams.get('authing_social_state')).toBe('abc')
    expect(back.searchParams.get('code')).toBe('200')
    const user = JSON.parse(back.searchParams.get('data') ?? '{}')
    expect(user.nickname).toBe('octocat')
    const far = await open('github', { relay_method: 'query', target_url: 'https://evil.example/cb' }, null)
    expect(far.status).toBe(400)
    expect((await open('github', { relay_method: 'query', target_url: '::not a url' }, null)).status).toBe(400)
  })

  it('unknown identifier, app id or relay method: a clear page with the code', async () => {
    const { open, emulator } = await socialSetup()
    const unknown = await open('facebook')
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain(
      'no social login &#34;facebook&#34; (see the emulator&#39;s seed). (code 2231)',
    )
    const noApp = await emulator.fetch(new Request(`${base}/connections/social/github?app_id=nope`))
    expect(noApp.status).toBe(404)
    expect(await noApp.text()).toContain('code 2011')
    expect((await open('github', { relay_method: 'form_post', target_url: `${app}/cb` })).status).toBe(400)
  })

  it('lists the connections in the public config, keeps identities in a checked table, and drops them with the user', async () => {
    const { rest, open, cont, relayed, emulator, info } = await socialSetup()
    const config = await rest('GET', `/api/v2/applications/${info.appId}/public-config`)
    const list = config.body.data.socialConnections as Record<string, unknown>[]
    expect(list.map((c) => c.identifier)).toEqual([
      'github',
      'wechat:pc',
      'dingtalk',
      'wechatwork:corp:qrconnect',
      'alipay',
      'google',
      'qq',
      'weibo',
    ])
    expect(list[0]).toMatchObject({
      identifier: 'github',
      provider: 'github',
      name: 'GitHub',
      name_en: 'GitHub',
      displayName: 'GitHub',
      logo: '',
      action: 'auth',
      embedded: false,
      authorizationUrl: `${base}/connections/social/github?app_id=${info.appId}`,
    })
    await relayed(await cont(await open('github'), 'github'))
    const rows = [...emulator.store.table('identities').values()]
    expect(rows).toHaveLength(1)
    expect(recordShapeProblem('identities', rows[0])).toBeUndefined()
  })
})
