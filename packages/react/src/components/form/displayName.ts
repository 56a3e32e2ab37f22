import type { User } from '@authing-kit/client'

/** The name to greet a user by, rendered as text: a nickname holding markup shows as written. */
export function displayName(user: User): string {
  return user.nickname || user.username || user.email || user.phone || ''
}
