// Apart from the logins (./auth.ts): registrations load with the login-form calls, not up front.
import { inputMutation } from './auth.js'

export const registerByUsernameDocument = inputMutation('registerByUsername', 'RegisterByUsernameInput')
export const registerByEmailDocument = inputMutation('registerByEmail', 'RegisterByEmailInput')
export const registerByPhoneCodeDocument = inputMutation('registerByPhoneCode', 'RegisterByPhoneCodeInput')
