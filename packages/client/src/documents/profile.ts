import { CUSTOM_DATA_FIELDS, USER_FIELDS } from './userFields.js'

export const userDocument = `query user($id: String) {
  user(id: $id) { ${USER_FIELDS} identities { openid userIdInIdp userId connectionId isSocial provider type userPoolId } ${CUSTOM_DATA_FIELDS} }
}`

export const updateUserDocument = `mutation updateUser($id: String, $input: UpdateUserInput!, $emailToken: String, $phoneToken: String) {
  updateUser(id: $id, input: $input, emailToken: $emailToken, phoneToken: $phoneToken) { ${USER_FIELDS} ${CUSTOM_DATA_FIELDS} }
}`

export const updatePasswordDocument = `mutation updatePassword($newPassword: String!, $oldPassword: String) {
  updatePassword(newPassword: $newPassword, oldPassword: $oldPassword) { ${USER_FIELDS} }
}`

export const bindPhoneDocument = `mutation bindPhone($phone: String!, $phoneCode: String!, $phoneCountryCode: String) {
  bindPhone(phone: $phone, phoneCode: $phoneCode, phoneCountryCode: $phoneCountryCode) { ${USER_FIELDS} }
}`

export const unbindPhoneDocument = `mutation unbindPhone {
  unbindPhone { ${USER_FIELDS} }
}`

export const bindEmailDocument = `mutation bindEmail($email: String!, $emailCode: String!) {
  bindEmail(email: $email, emailCode: $emailCode) { ${USER_FIELDS} }
}`

export const unbindEmailDocument = `mutation unbindEmail {
  unbindEmail { ${USER_FIELDS} }
}`

export const updatePhoneDocument = `mutation updatePhone($phone: String!, $phoneCode: String!, $oldPhone: String, $oldPhoneCode: String, $phoneCountryCode: String, $oldPhoneCountryCode: String) {
  updatePhone(phone: $phone, phoneCode: $phoneCode, oldPhone: $oldPhone, oldPhoneCode: $oldPhoneCode, phoneCountryCode: $phoneCountryCode, oldPhoneCountryCode: $oldPhoneCountryCode) { ${USER_FIELDS} }
}`

export const updateEmailDocument = `mutation updateEmail($email: String!, $emailCode: String!, $oldEmail: String, $oldEmailCode: String) {
  updateEmail(email: $email, emailCode: $emailCode, oldEmail: $oldEmail, oldEmailCode: $oldEmailCode) { ${USER_FIELDS} }
}`
