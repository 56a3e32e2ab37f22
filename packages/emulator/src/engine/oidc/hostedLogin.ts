/**
 * The login step shared by the OIDC/OAuth authorize endpoint and the CAS IdP: an existing session
 * of the app's user pool is reused (unless a fresh login is asked for); otherwise the login page
 * is shown, and its POST checks the password — with the lockout and answers of the GraphQL login.
 */
import type { ApplicationRecord } from '../../model/records.js'
import type { UserRecord } from '../../model/users.js'
import { captchaCookie, captchaDue, checkCaptcha, robotVerifyOf } from '../domain/captcha.js'
import { requireProfile } from '../domain/completion/required.js'
import { AuthingBusinessError, parseLang } from '../domain/errors.js'
import { accountKind, countLogin } from '../domain/login.js'
import { secondFactorDue } from '../domain/mfa/challenge.js'
import { requirePasswordRules } from '../domain/passwordRules.js'
import { checkPassword } from '../domain/passwords.js'
import { cookieValue } from '../requestContext.js'
import { newCaptchaImage } from '../ui/captchaImage.js'
import { renderLoginPage } from '../ui/loginPage.js'
import { currentSession, startSession } from './hostedSession.js'
import type { Params } from './params.js'
import { pageAnswer } from './responses.js'
import type { ProtocolRequest } from './types.js'

const secondFactorUnsupported =
  "This account needs a second factor (MFA), which the emulator's hosted login does not offer yet: log in through the SDK, whose MFA step does."

export interface LoggedIn {
  user: UserRecord
  /** ms since epoch */
  authTime: number
  /** Set-Cookie for a session started by this request */
  setCookie?: string
}

export interface LoginStep {
  app: ApplicationRecord
  params: Params
  /** where the form posts */
  action: string
  /** `prompt=login`: show the page even to a logged-in user */
  forceLogin: boolean
  /** origins the browser may be redirected to once the form is posted (the CSP's form-action) */
  formTargets: string[]
}

export async function hostedLogin({ engine, request }: ProtocolRequest, step: LoginStep): Promise<LoggedIn | Response> {
  const { app, params } = step
  const pool = engine.state.userPools.get(app.userPoolId)
  /** The page, with a new captcha image (inline: the page's CSP loads images from data: only) when one is due. */
  const page = (status: number, error?: string, identifier?: string, captcha = false): Response => {
    const image = captcha || (pool && robotVerifyOf(pool) === 'always_enable') ? newCaptchaImage(engine, request) : null
    return pageAnswer(
      renderLoginPage({
        appName: app.name,
        action: step.action,
        hidden: params,
        ...(error ? { error } : {}),
        ...(identifier ? { identifier } : {}),
        ...(image ? { captchaImage: `data:image/png;base64,${base64(image.png)}` } : {}),
      }),
      status,
      { formTargets: step.formTargets, ...(image ? { headers: { 'set-cookie': image.setCookie } } : {}) },
    )
  }
  const identifier = params.get('username')?.trim()
  const password = params.get('password')
  if (request.method === 'POST' && identifier !== undefined && password !== undefined) {
    // A login form posted from another site would log the browser into someone else's account.
    const origin = request.headers.get('origin')
    if (origin && origin !== new URL(request.url).origin)
      return page(403, 'This form must be sent from the login page itself.')
    const lang = parseLang(request.headers.get('x-authing-lang') ?? request.headers.get('accept-language'))
    if (!pool) return page(400, 'This application has no user pool.')
    const kind = accountKind(engine, pool, identifier)
    try {
      const sessionId = cookieValue(request.headers.get('cookie') ?? '', captchaCookie)
      checkCaptcha(engine, pool, { kind, identifier }, { sessionId, captchaCode: params.get('captchaCode') })
      const checked = await checkPassword(engine, pool, kind, identifier, password)
      // Never a session past a step this page cannot show yet: a password to change, a second
      // factor, a profile to complete. The step's message is shown instead.
      requirePasswordRules(engine, { app, pool }, checked, password)
      if (secondFactorDue(engine, checked, app)) return page(403, secondFactorUnsupported, identifier)
      requireProfile(engine, checked, app)
      const user = countLogin(engine, checked, app)
      const { cookie, session } = startSession(engine, request, user)
      return { user, authTime: session.authTime, setCookie: cookie }
    } catch (error) {
      // A used image is spent: when the next try owes a captcha too, the page shows a new one.
      if (error instanceof AuthingBusinessError)
        return page(401, error.toBody(lang).message, identifier, captchaDue(engine, pool, kind, identifier))
      throw error
    }
  }
  const current = step.forceLogin ? null : currentSession(engine, request, app)
  if (current) return { user: current.user, authTime: current.session.authTime }
  return page(200)
}

function base64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}
