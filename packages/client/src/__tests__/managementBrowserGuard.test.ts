// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'

import { ManagementClient } from '../management.js'

describe('ManagementClient in a browser page', () => {
  it('refuses the user pool secret, saying where it belongs', () => {
    const create = () => new ManagementClient({ userPoolId: 'pool', secret: 'secret' })
    expect(create).toThrow(expect.objectContaining({ name: 'AuthingError', code: 'config' }))
    expect(create).toThrow(/server/)
  })

  it('takes it with dangerouslyAllowBrowser, and warns loudly', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(
      () => new ManagementClient({ userPoolId: 'pool', secret: 'secret', dangerouslyAllowBrowser: true }),
    ).not.toThrow()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('USER POOL SECRET'))
    warn.mockRestore()
  })

  it('accepts an access token handed over by a server', () => {
    expect(() => new ManagementClient({ userPoolId: 'pool', accessToken: 'token-from-the-server' })).not.toThrow()
  })
})
