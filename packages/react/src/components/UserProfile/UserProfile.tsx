import type { AuthingError, User } from '@authing-kit/client'
import { isAuthingError } from '@authing-kit/client'
import type { CSSProperties, ReactNode } from 'react'

import { useAuth } from '../../hooks/useAuth.js'
import { useLogout } from '../../hooks/useLogout.js'
import { useProfile } from '../../hooks/useProfile.js'
import { displayName } from '../form/displayName.js'
import type { FormLang } from '../form/errorMessages.js'
import { enUSErrors } from '../form/errors/en-US.js'
import { zhCNErrors } from '../form/errors/zh-CN.js'
import { formCss } from '../form/formCss.js'
import { NoticeRegions } from '../form/NoticeRegions.js'
import { useNotices } from '../form/useNotices.js'
import { userProfileMessages } from './messages.js'
import { PasskeysSection } from './PasskeysSection.js'
import { PasswordChange } from './PasswordChange.js'
import { ProfileDetails } from './ProfileDetails.js'
import { TotpSection } from './TotpSection.js'
import { userProfileCss } from './userProfileCss.js'
import { isWebUrl } from './webUrl.js'

export interface UserProfileProps {
  /** Language of every string, error messages included. Defaults to `zh-CN`. */
  lang?: FormLang
  /** Offer the change-password form. Defaults to true. */
  allowPasswordChange?: boolean
  /** Offer turning the authenticator app (a TOTP second factor) on and off. Defaults to true. */
  allowMfa?: boolean
  /** Offer the user's passkeys (list, add, remove) where the browser supports them. Defaults to true. */
  allowPasskeys?: boolean
  /** Called with the updated user after the details are saved. */
  onSaved?: (user: User) => void
  /** Called once the user has logged out (the local session ends even when the server is unreachable). */
  onLoggedOut?: () => void
  /** Called with every failure the server or network gave. */
  onError?: (error: AuthingError) => void
  className?: string
  /** Inline style of the root, e.g. the theme variables it shares with the login form. */
  style?: CSSProperties
  /** Render no `<style>` at all; the `ak-login__*` and `ak-profile__*` class names stay for your own CSS. */
  unstyled?: boolean
}

/**
 * The logged-in user's profile: who they are, their nickname, name and photo to edit, a password
 * change, their authenticator app (on, off), their passkeys and a logout button. Renders nothing when nobody is logged in. Built on `useProfile`, so it
 * shares one request and one cache with every other profile consumer of the app.
 *
 * @example
 * <UserProfile lang="en-US" onLoggedOut={() => navigate('/')} />
 */
export function UserProfile(props: UserProfileProps): ReactNode {
  const { lang = 'zh-CN', allowPasswordChange = true, allowMfa = true, allowPasskeys = true, unstyled = false } = props
  const t = userProfileMessages(lang)
  const status = useAuth((auth) => auth.status)
  const { profile, update, isUpdating } = useProfile()
  const { logout, isPending: isLoggingOut } = useLogout()
  const notices = useNotices(lang === 'en-US' ? enUSErrors : zhCNErrors, props.onError)

  if (status !== 'authenticated') return null
  const className = props.className ? `ak-login ak-profile ${props.className}` : 'ak-login ak-profile'
  const style = unstyled ? null : <style>{formCss + userProfileCss}</style>
  if (!profile) {
    return (
      <div className={className} style={props.style} lang={lang} aria-busy="true">
        {style}
        {t.loading}
      </div>
    )
  }

  const signOut = (): void => {
    notices.clear()
    logout()
      .catch((error: unknown) => {
        if (isAuthingError(error)) props.onError?.(error)
      })
      .finally(() => props.onLoggedOut?.())
  }

  return (
    <section className={className} style={props.style} lang={lang} aria-label={t.title}>
      {style}
      <div className="ak-profile__header">
        {profile.photo && isWebUrl(profile.photo) ? (
          <img className="ak-profile__photo" src={profile.photo} alt={t.photoAlt} referrerPolicy="no-referrer" />
        ) : null}
        <h2 className="ak-login__title">{displayName(profile) || t.title}</h2>
      </div>
      <dl className="ak-profile__facts">
        <dt>{t.username}</dt>
        <dd>{profile.username || t.notSet}</dd>
        <dt>{t.email}</dt>
        <dd>{profile.email || t.notSet}</dd>
        <dt>{t.phone}</dt>
        <dd>{profile.phone || t.notSet}</dd>
      </dl>
      <ProfileDetails
        profile={profile}
        update={update}
        isUpdating={isUpdating}
        t={t}
        notices={notices}
        onSaved={props.onSaved}
      />
      {allowPasswordChange ? <PasswordChange t={t} notices={notices} /> : null}
      {allowMfa ? <TotpSection t={t} notices={notices} /> : null}
      {allowPasskeys ? <PasskeysSection t={t} lang={lang} notices={notices} /> : null}
      <NoticeRegions notices={notices} />
      <button type="button" className="ak-profile__logout" disabled={isLoggingOut} onClick={signOut}>
        {isLoggingOut ? t.loggingOut : t.logout}
      </button>
    </section>
  )
}
