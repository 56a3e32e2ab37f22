import type { SignalOptions } from '../options.js'
import { requireString } from '../requestParams.js'
import type { ManagementContext } from './managementContext.js'
import type { TotpImport, UserMfaType } from './switchTypes.js'

/** `management.mfa`: users' second factors, as an administrator sees them (authing-js-sdk's MFAManagementClient). */
export class MfaManagement {
  constructor(private readonly context: ManagementContext) {}

  /** Which factors the user has bound, e.g. `{ OTP: true, FACE: false }`. */
  getStatus(userId: string, options: SignalOptions = {}): Promise<Record<UserMfaType, boolean>> {
    return this.context.run(() =>
      this.context.rest<Record<UserMfaType, boolean>>('GET', this.path(userId), { signal: options.signal }),
    )
  }

  /** Unbinds the user's factor: their password logins stop asking for its code. */
  unAssociateMfa(userId: string, type: UserMfaType, options: SignalOptions = {}): Promise<boolean> {
    return this.context.run(async () => {
      await this.context.rest('DELETE', this.path(userId), {
        query: { type: requireString('type', type) },
        signal: options.signal,
      })
      return true
    })
  }

  /**
   * Binds a TOTP secret (base32) the user already has in an authenticator app, with its recovery
   * code: their next password login asks for its code (1635).
   */
  importTotp(userId: string, secret: string, recoveryCode?: string, options: SignalOptions = {}): Promise<TotpImport> {
    return this.context.run(() => {
      const body = { userId: requireString('userId', userId), secret: requireString('secret', secret), recoveryCode }
      return this.context.rest<TotpImport>('POST', '/api/v2/mfa/totp/import', { body, signal: options.signal })
    })
  }

  private path(userId: string): string {
    return `/api/v2/users/${encodeURIComponent(requireString('userId', userId))}/mfa-bound`
  }
}
