export const sendEmailDocument = `mutation sendEmail($email: String!, $scene: EmailScene!) {
  sendEmail(email: $email, scene: $scene) { message code }
}`

export const checkPasswordStrengthDocument = `query checkPasswordStrength($password: String!) {
  checkPasswordStrength(password: $password) { valid message }
}`
