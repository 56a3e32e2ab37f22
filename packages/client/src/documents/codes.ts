export const sendEmailDocument = `mutation sendEmail($email: String!, $scene: EmailScene!) {
  sendEmail(email: $email, scene: $scene) { message code }
}`

export const resetPasswordDocument = `mutation resetPassword($phone: String, $phoneCountryCode: String, $email: String, $code: String!, $newPassword: String!) {
  resetPassword(phone: $phone, phoneCountryCode: $phoneCountryCode, email: $email, code: $code, newPassword: $newPassword) { message code }
}`

export const checkPasswordStrengthDocument = `query checkPasswordStrength($password: String!) {
  checkPasswordStrength(password: $password) { valid message }
}`
