import * as userpool from '../documents/management/userpool.js'
import { AuthingError } from '../errors.js'
import type { SignalOptions } from '../options.js'
import type { ManagementContext } from './managementContext.js'
import type { UpdateUserpoolInput, UserPool } from './switchTypes.js'

/** `management.userpool`: the pool's settings, among them the password rules and captcha policy of its logins. */
export class UserpoolManagement {
  constructor(private readonly context: ManagementContext) {}

  /** The pool's settings (REST `GET /api/v2/userpools/detail`). */
  detail(options: SignalOptions = {}): Promise<UserPool> {
    return this.context.run(() =>
      this.context.rest<UserPool>('GET', '/api/v2/userpools/detail', { signal: options.signal }),
    )
  }

  /**
   * Changes the fields given, at once: the next registration meets the new `passwordStrength`, the
   * next login the new captcha policy. A value out of range is refused (2231), never dropped.
   */
  update(updates: UpdateUserpoolInput, options: SignalOptions = {}): Promise<UserPool> {
    return this.context.run(async () => {
      if (updates === null || typeof updates !== 'object')
        throw new AuthingError('invalid_argument', 'updates must be an object', { data: { argument: 'updates' } })
      const data = await this.context.graphql<{ updateUserpool: UserPool }>(
        userpool.updateUserpoolDocument,
        { input: updates },
        options,
      )
      return data.updateUserpool
    })
  }
}
