// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'

import { AuthenticationClient } from '../authenticationClient.js'
import { getCodeChallengeDigest } from '../protocols/codeChallengeDigest.js'

describe('AuthenticationClient in a browser page', () => {
  it('refuses the app secret, as the ManagementClient refuses the pool secret', () => {
    const create = () => new AuthenticationClient({ appId: 'app', secret: 'app-secret' })
    expect(create).toThrow(expect.objectContaining({ name: 'AuthingError', code: 'config' }))
    expect(create).toThrow(/PKCE/)
  })

  it('takes it with dangerouslyAllowBrowser, and warns loudly', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(
      () => new AuthenticationClient({ appId: 'app', secret: 'app-secret', dangerouslyAllowBrowser: true }),
    ).not.toThrow()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('APP SECRET'))
    warn.mockRestore()
  })

  it('runs the public-client protocol helpers without a secret (PKCE with WebCrypto)', async () => {
    const authing = new AuthenticationClient({
      appId: 'app',
      redirectUri: 'http://localhost:3000/cb',
      tokenEndPointAuthMethod: 'none',
    })
    // RFC 7636 appendix B.
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
    expect(await getCodeChallengeDigest({ codeChallenge: verifier, method: 'S256' })).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    )
    expect(await authing.getCodeChallengeDigest({ codeChallenge: verifier, method: 'plain' })).toBe(verifier)
    await expect(authing.getCodeChallengeDigest({ codeChallenge: 'short' })).rejects.toMatchObject({
      code: 'invalid_argument',
    })
  })
})
