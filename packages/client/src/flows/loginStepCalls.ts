/**
 * Finishing the password and profile steps a login can stop at (`loginStepOf`): the password resets
 * with authing-js-sdk's names and arguments (and the resets by SMS or email code, which load with
 * them), and profile completion and social identity binding on Authing's flow engine
 * (`POST /interaction/authFlow`, as Guard finishes them). Loaded on first use; `AuthenticationClient` runs each call (error reporting included).
 */
import type { ClientCore } from '../clientCore.js'
import * as documents from '../documents/loginSteps.js'
import type { BindIdentityStep, CompleteProfileStep } from '../loginStep.js'
import type { SignalOptions } from '../options.js'
import { requireShortString } from '../requestParams.js'
import type { SessionStore } from '../session/sessionStore.js'
import type { CommonMessage, User } from '../types.js'
import { runAuthFlow } from './authFlow.js'

/** A value for one of the step's `fields`; `code` is the verification code a `phone` or `email` needs. */
export interface CompletionFieldValue {
  name: string
  value: string | number | boolean
  code?: string
}

export class LoginStepCalls {
  constructor(
    private readonly core: ClientCore,
    private readonly session: SessionStore,
  ) {}

  /** resetPasswordByPhoneCode / resetPasswordByEmailCode: `target` is where the code was sent. */
  async resetPassword(
    target: Record<string, string | undefined>,
    code: string,
    newPassword: string,
    options: SignalOptions,
  ): Promise<CommonMessage> {
    const variables = {
      ...target,
      code: requireShortString('code', code),
      newPassword: await this.core.encrypt(newPassword, options.signal),
    }
    const data = await this.core.transport.graphql<{ resetPassword: CommonMessage }>(
      documents.resetPasswordDocument,
      variables,
      { auth: false, signal: options.signal },
    )
    return data.resetPassword
  }

  async resetPasswordByFirstLoginToken(
    token: string,
    password: string,
    options: SignalOptions,
  ): Promise<CommonMessage> {
    const variables = {
      token: requireShortString('token', token),
      password: await this.core.encrypt(password, options.signal),
    }
    const data = await this.core.transport.graphql<{ resetPasswordByFirstLoginToken: CommonMessage }>(
      documents.resetPasswordByFirstLoginTokenDocument,
      variables,
      { auth: false, signal: options.signal },
    )
    return data.resetPasswordByFirstLoginToken
  }

  async resetPasswordByForceResetToken(
    token: string,
    oldPassword: string,
    newPassword: string,
    options: SignalOptions,
  ): Promise<CommonMessage> {
    const variables = {
      token: requireShortString('token', token),
      oldPassword: await this.core.encrypt(oldPassword, options.signal),
      newPassword: await this.core.encrypt(newPassword, options.signal),
    }
    const data = await this.core.transport.graphql<{ resetPasswordByForceResetToken: CommonMessage }>(
      documents.resetPasswordByForceResetTokenDocument,
      variables,
      { auth: false, signal: options.signal },
    )
    return data.resetPasswordByForceResetToken
  }

  completeProfile(
    step: Pick<CompleteProfileStep, 'flowHandle'>,
    fieldValues: CompletionFieldValue[],
    options: SignalOptions,
  ): Promise<User> {
    // Guard leaves empty fields out, and sends a code only with a phone or an email.
    const values = fieldValues
      .filter((field) => field.value !== '')
      .map(({ name, value, code }) => ({ name, value, ...(code ? { code } : {}) }))
    return this.authFlow('complete-completion', step, options, { fieldValues: values })
  }

  skipProfileCompletion(step: Pick<CompleteProfileStep, 'flowHandle'>, options: SignalOptions): Promise<User> {
    return this.authFlow('skip-completion', step, options)
  }

  /** 1640/1641, as Guard binds: authFlow `bind-identity-by-password {account, password}` (RSA). */
  async bindIdentityByPassword(
    step: Pick<BindIdentityStep, 'flowHandle'>,
    account: string,
    password: string,
    options: SignalOptions,
  ): Promise<User> {
    const data = {
      account: requireShortString('account', account),
      password: await this.core.encrypt(password, options.signal),
    }
    return this.authFlow('bind-identity-by-password', step, options, data)
  }

  /** 1641 "create": authFlow `create-federation-account`, no data. */
  createFederationAccount(step: Pick<BindIdentityStep, 'flowHandle'>, options: SignalOptions): Promise<User> {
    return this.authFlow('create-federation-account', step, options)
  }

  private authFlow(
    action: string,
    step: Pick<CompleteProfileStep | BindIdentityStep, 'flowHandle'>,
    options: SignalOptions,
    data?: unknown,
  ): Promise<User> {
    const body = { action, flowHandle: requireShortString('flowHandle', step?.flowHandle), data }
    return runAuthFlow(this.core, this.session, body, options.signal)
  }
}
