import { CUSTOM_DATA_FIELDS, USER_FIELDS } from './userFields.js'

/** `mutation <name>($input: <Input>!)`, the shape of every v2 login and registration (./register.ts). */
export function inputMutation(name: string, inputType: string): string {
  return `mutation ${name}($input: ${inputType}!) {
  ${name}(input: $input) { ${USER_FIELDS} newlyCreated ${CUSTOM_DATA_FIELDS} }
}`
}

export const loginByUsernameDocument = inputMutation('loginByUsername', 'LoginByUsernameInput')
export const loginByEmailDocument = inputMutation('loginByEmail', 'LoginByEmailInput')
export const loginByPhonePasswordDocument = inputMutation('loginByPhonePassword', 'LoginByPhonePasswordInput')
export const loginByPhoneCodeDocument = inputMutation('loginByPhoneCode', 'LoginByPhoneCodeInput')
