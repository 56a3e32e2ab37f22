import type { ErrorCatalog } from '../errorMessages.js'

/** What the ready-made screens say about failures, in English. */
export const enUSErrors: ErrorCatalog = {
  codes: {
    '2333': 'Incorrect account or password.',
    '2004': 'Incorrect account or password.',
    '2006': 'Incorrect account or password.',
    '2005': 'Too many failed attempts. Your account is locked for a while; try again later.',
    '2001': 'The verification code is incorrect.',
    '2300': 'The verification code has expired. Request a new one.',
    '6001': 'The authenticator code is incorrect. Check the time on your phone and try again.',
    '6002': 'The recovery code is incorrect.',
    '2021': 'The verification has expired or failed too often. Log in again.',
    '2026': 'An account with these details already exists.',
    '2034': 'This username is taken.',
    '2035': 'This phone number is already in use.',
    '2200': 'This email is already in use.',
    '2003': 'Enter a valid email address.',
    '2204': 'Enter a valid email address.',
    '2028': 'Enter a valid phone number.',
    '2029': 'The password is too short.',
    network_error: 'Cannot reach the server. Check your connection and try again.',
    timeout: 'The server took too long to answer. Try again.',
    rate_limited: 'Too many attempts. Wait a moment and try again.',
    bad_response: 'The server sent an unexpected answer. Try again later.',
    popup_closed: 'The login window was closed before the login finished.',
    popup_blocked: 'The browser blocked the login window. Allow pop-ups for this site and try again.',
    invalid_state: 'This login was not started on this page, or has already finished. Try again.',
  },
  fallback: 'Something went wrong. Try again.',
  attemptsLeft: '{n} attempts left before the account locks.',
}
