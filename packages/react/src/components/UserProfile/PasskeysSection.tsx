import type { ReactNode } from 'react'

import { usePasskey } from '../../hooks/usePasskey.js'
import type { FormLang } from '../form/errorMessages.js'
import type { Notices } from '../form/useNotices.js'
import type { UserProfileMessages } from './messages.js'

interface PasskeysSectionProps {
  t: UserProfileMessages
  lang: FormLang
  notices: Notices
}

/** The user's passkeys: each with when it was added and last used, removable; and a new one added by the browser's prompt. */
export function PasskeysSection({ t, lang, notices }: PasskeysSectionProps): ReactNode {
  const passkey = usePasskey()
  // A browser without WebAuthn can neither add nor use one: nothing to offer.
  if (passkey.isSupported === false) return null
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(lang) : null)
  const act = async (action: () => Promise<unknown>, done: string) => {
    notices.clear()
    try {
      await action()
      notices.inform(done)
    } catch (error) {
      notices.fail(error)
    }
  }
  return (
    <section className="ak-login__form ak-profile__section" aria-label={t.passkeysTitle}>
      <h3 className="ak-profile__section-title">{t.passkeysTitle}</h3>
      {passkey.passkeys?.length ? (
        <ul className="ak-profile__passkeys">
          {passkey.passkeys.map((key) => {
            const used = day(key.lastUsedAt)
            return (
              <li key={key.credentialId} className="ak-profile__passkey">
                <span>
                  {key.name}
                  <span className="ak-profile__note">
                    {' · '}
                    {t.passkeyAddedOn.replace('{date}', day(key.createdAt) ?? '')}
                    {' · '}
                    {used ? t.passkeyUsed.replace('{date}', used) : t.passkeyNeverUsed}
                  </span>
                </span>
                <button
                  type="button"
                  className="ak-profile__button"
                  aria-label={t.passkeyRemoveLabel.replace('{name}', key.name)}
                  disabled={passkey.isPending}
                  onClick={() => void act(() => passkey.remove(key.credentialId), t.passkeyRemoved)}
                >
                  {t.passkeyRemove}
                </button>
              </li>
            )
          })}
        </ul>
      ) : passkey.passkeys ? (
        <p className="ak-profile__note">{t.passkeysNone}</p>
      ) : null}
      <button
        type="button"
        className="ak-login__submit"
        disabled={passkey.isPending || passkey.isSupported === null}
        onClick={() => void act(() => passkey.register(), t.passkeyAdded)}
      >
        {t.passkeyAdd}
      </button>
    </section>
  )
}
