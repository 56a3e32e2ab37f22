import { type ReactNode, useState } from 'react'

import { useTotpEnrollment } from '../../hooks/useTotpEnrollment.js'
import { Field } from '../form/Field.js'
import { onSubmit } from '../form/useFormFields.js'
import type { Notices } from '../form/useNotices.js'
import type { UserProfileMessages } from './messages.js'

interface TotpSectionProps {
  t: UserProfileMessages
  notices: Notices
}

/** Turns the authenticator app (TOTP second factor) on — QR code, key, first code, recovery code once — and off. */
export function TotpSection({ t, notices }: TotpSectionProps): ReactNode {
  const totp = useTotpEnrollment()
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | undefined>()

  const act = async (action: () => Promise<void>, done?: string) => {
    notices.clear()
    try {
      await action()
      if (done) notices.inform(done)
    } catch (error) {
      notices.fail(error)
    }
  }
  const confirm = onSubmit(() => {
    if (!code) return setCodeError(t.required)
    void act(async () => {
      setCode('')
      await totp.confirm(code)
    }, t.mfaTurnedOn)
  })

  const { enrollment, recoveryCode } = totp
  return (
    <section className="ak-login__form ak-profile__section" aria-label={t.mfaTitle}>
      <h3 className="ak-profile__section-title">{t.mfaTitle}</h3>
      {totp.status === 'loading' ? (
        <p className="ak-profile__note">{t.mfaLoading}</p>
      ) : enrollment ? (
        <form className="ak-login__form" aria-label={t.mfaTitle} noValidate onSubmit={confirm}>
          <p className="ak-profile__note">{t.mfaScan}</p>
          <img className="ak-profile__qr" src={enrollment.qrCodeDataUrl} alt={t.mfaQrAlt} width={160} height={160} />
          <p className="ak-profile__note">
            {t.mfaKey}: <code className="ak-profile__secret">{enrollment.secret}</code>
          </p>
          <Field
            name="totp"
            label={t.mfaCode}
            value={code}
            onValue={(value) => (setCode(value.replace(/\D/g, '').slice(0, 6)), setCodeError(undefined))}
            error={codeError}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
          />
          <div className="ak-profile__actions">
            <button type="submit" className="ak-login__submit" disabled={totp.isPending}>
              {t.mfaConfirm}
            </button>
            <button type="button" className="ak-profile__button" onClick={() => (notices.clear(), totp.cancel())}>
              {t.mfaCancel}
            </button>
          </div>
        </form>
      ) : recoveryCode ? (
        <>
          <p className="ak-profile__note">{t.mfaRecovery}</p>
          <code className="ak-profile__secret">{recoveryCode}</code>
          <button type="button" className="ak-login__submit" onClick={totp.dismissRecoveryCode}>
            {t.mfaDone}
          </button>
        </>
      ) : (
        <>
          <p className="ak-profile__note">{totp.status === 'on' ? t.mfaOn : t.mfaOff}</p>
          <button
            type="button"
            className="ak-profile__button"
            disabled={totp.isPending}
            onClick={() => void (totp.status === 'on' ? act(totp.unbind, t.mfaTurnedOff) : act(totp.start))}
          >
            {totp.status === 'on' ? t.mfaTurnOff : t.mfaTurnOn}
          </button>
        </>
      )}
    </section>
  )
}
