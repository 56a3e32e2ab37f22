import type { ProfileUpdates, User } from '@authing-kit/client'
import { type ReactNode, useState } from 'react'

import type { UseProfileResult } from '../../hooks/useProfile.js'
import { Field } from '../form/Field.js'
import { onSubmit } from '../form/useFormFields.js'
import type { Notices } from '../form/useNotices.js'
import type { UserProfileMessages } from './messages.js'
import { isWebUrl } from './webUrl.js'

type EditableField = 'nickname' | 'name' | 'photo'
const EDITABLE: readonly EditableField[] = ['nickname', 'name', 'photo']

interface ProfileDetailsProps {
  profile: User
  /** From the profile's one `useProfile`: optimistic, rolled back on failure. */
  update: UseProfileResult['update']
  isUpdating: boolean
  t: UserProfileMessages
  notices: Notices
  onSaved: ((user: User) => void) | undefined
}

/**
 * The editable fields. Only what the user typed is held here, so a profile refreshed meanwhile
 * (another tab, a refetch) shows through in every field they have not touched.
 */
export function ProfileDetails({ profile, update, isUpdating, t, notices, onSaved }: ProfileDetailsProps): ReactNode {
  const [draft, setDraft] = useState<Partial<Record<EditableField, string>>>({})
  const [photoError, setPhotoError] = useState<string | undefined>()
  const value = (field: EditableField): string => draft[field] ?? profile[field] ?? ''

  const changes: ProfileUpdates = {}
  for (const field of EDITABLE) {
    const typed = draft[field]?.trim()
    if (typed !== undefined && typed !== (profile[field] ?? '')) changes[field] = typed
  }
  const changed = Object.keys(changes).length > 0

  const edit = (field: EditableField, next: string): void => {
    setDraft((current) => ({ ...current, [field]: next }))
    if (field === 'photo') setPhotoError(undefined)
  }

  const submit = onSubmit(async (form) => {
    notices.clear()
    if (changes.photo && !isWebUrl(changes.photo)) {
      setPhotoError(t.invalidUrl)
      const input = form.elements.namedItem('photo')
      if (input instanceof HTMLElement) input.focus()
      return
    }
    try {
      const user = await update(changes)
      setDraft({})
      notices.inform(t.saved)
      onSaved?.(user)
    } catch (error) {
      notices.fail(error)
    }
  })

  return (
    <form className="ak-login__form ak-profile__section" aria-label={t.detailsTitle} noValidate onSubmit={submit}>
      <h3 className="ak-profile__section-title">{t.detailsTitle}</h3>
      <Field
        name="nickname"
        label={t.nickname}
        autoComplete="nickname"
        maxLength={64}
        value={value('nickname')}
        onValue={(v) => edit('nickname', v)}
      />
      <Field
        name="name"
        label={t.name}
        autoComplete="name"
        maxLength={64}
        value={value('name')}
        onValue={(v) => edit('name', v)}
      />
      <Field
        name="photo"
        label={t.photo}
        type="url"
        autoComplete="photo"
        inputMode="url"
        value={value('photo')}
        onValue={(v) => edit('photo', v)}
        error={photoError}
      />
      <button type="submit" className="ak-login__submit" disabled={isUpdating || !changed}>
        {isUpdating ? t.saving : t.save}
      </button>
    </form>
  )
}
