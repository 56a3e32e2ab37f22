import { AuthingError } from '../errors.js'

type EncryptPassword = typeof import('./encryptPassword.js').encryptPassword
let loading: Promise<EncryptPassword> | undefined

/** The password encryption (and node-forge under it) loads when the first password is sent: sessions restored from storage never pay for it. */
export function loadEncryptPassword(): Promise<EncryptPassword> {
  loading ??= import('./encryptPassword.js').then(
    (module) => module.encryptPassword,
    (error: unknown) => {
      loading = undefined
      throw new AuthingError('network_error', 'Could not load the password encryption (node-forge)', { cause: error })
    },
  )
  return loading
}
