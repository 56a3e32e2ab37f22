/**
 * Authing's local password rating: 3 (strong) for ≥ 12 characters mixing lower case, upper case and
 * digits; 2 (medium) for ≥ 8 characters mixing letters and digits; else 1 (weak).
 */
export function computedPasswordSecurityLevel(password: string): 1 | 2 | 3 {
  const hasDigit = /\d/.test(password)
  if (password.length >= 12 && /[a-z]/.test(password) && /[A-Z]/.test(password) && hasDigit) return 3
  if (password.length >= 8 && /[a-zA-Z]/.test(password) && hasDigit) return 2
  return 1
}
