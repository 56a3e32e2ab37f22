import { useSendEmailCode } from '../../hooks/useSendEmailCode.js'
import { useSendSmsCode } from '../../hooks/useSendSmsCode.js'

export type CodeChannel = 'phone' | 'email'
export type CodePurpose = 'login' | 'register' | 'reset'

// The scenes Authing binds a code to, so a login code cannot reset a password.
const scenes: Record<CodePurpose, { phone: string; email: string }> = {
  login: { phone: 'login', email: 'LOGIN_VERIFY_CODE' },
  register: { phone: 'register', email: 'REGISTER_VERIFY_CODE' },
  reset: { phone: 'reset', email: 'RESET_PASSWORD' },
}

export interface CodeSender {
  send(to: string, phoneCountryCode?: string): Promise<unknown>
  secondsLeft: number
  canSend: boolean
}

/** Sends a verification code by SMS or email for one purpose, each channel with its own resend countdown. */
export function useCodeSender(channel: CodeChannel, purpose: CodePurpose): CodeSender {
  const sms = useSendSmsCode()
  const mail = useSendEmailCode()
  const scene = scenes[purpose][channel]
  if (channel === 'email')
    return { send: (to) => mail.send(to, scene), secondsLeft: mail.secondsLeft, canSend: mail.canSend }
  return {
    send: (to, phoneCountryCode) =>
      sms.send(to, phoneCountryCode === undefined ? { scene } : { scene, phoneCountryCode }),
    secondsLeft: sms.secondsLeft,
    canSend: sms.canSend,
  }
}
