import { describe, expect, it } from 'vitest'

import { decodeJwtClaims, decodeJwtHeader, isTokenExpired, tokenUserId } from '../index.js'
import { BOB_ID, startEmulator } from './testEmulator.js'

/** base64url of the UTF-8 JSON of `value`, as a JWT segment. */
const segment = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
const jwt = (header: unknown, claims: unknown): string => `${segment(header)}.${segment(claims)}.c2lnbmF0dXJl`

describe('reading a JWT without verifying it', () => {
  it('reads the header and claims of the token the emulator issues at login', async () => {
    const { bob } = await startEmulator()
    const token = (await bob()).getSnapshot().token ?? ''
    expect(decodeJwtHeader(token)).toMatchObject({ alg: expect.any(String) })
    expect(decodeJwtClaims(token)).toMatchObject({ sub: BOB_ID, exp: expect.any(Number) })
    expect(tokenUserId(token)).toBe(BOB_ID)
    expect(isTokenExpired(token)).toBe(false)
  })

  it('decodes claims that are not ASCII (a Chinese nickname, an emoji) as UTF-8', () => {
    const claims = { sub: 'u1', nickname: '小明', note: 'café 🎉' }
    expect(decodeJwtClaims(jwt({ alg: 'RS256' }, claims))).toEqual(claims)
  })

  it('decodes the URL-safe alphabet (- and _) and unpadded segments', () => {
    // '?>' and '~~~' encode to '_' and '-' in base64url; lengths 1 to 3 modulo 4 need padding.
    for (const value of ['?>', '~~~', 'a', 'ab', 'abc']) {
      const claims = { sub: 'u1', value }
      expect(decodeJwtClaims(jwt({}, claims))).toEqual(claims)
    }
  })

  it('answers null for anything that is not a JSON object, and the reads built on it stay safe', () => {
    for (const token of [
      '',
      'abc',
      'a.b',
      `x.${segment([1, 2])}.s`,
      `x.${segment('text')}.s`,
      'x.%%%.s',
      `x.${Buffer.from('{nope').toString('base64url')}.s`,
    ]) {
      expect(decodeJwtClaims(token)).toBeNull()
      expect(tokenUserId(token)).toBeNull()
      expect(isTokenExpired(token)).toBe(false)
    }
    expect(decodeJwtHeader('not-a-token')).toBeNull()
  })

  it('tells an expired token, and finds the user id in Authing’s older `data.id` claim', () => {
    const past = Math.floor(Date.now() / 1000) - 10
    expect(isTokenExpired(jwt({}, { sub: 'u1', exp: past }))).toBe(true)
    expect(tokenUserId(jwt({}, { data: { id: 'u2' } }))).toBe('u2')
  })
})
