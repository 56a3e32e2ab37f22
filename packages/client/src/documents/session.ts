export const checkLoginStatusDocument = `query checkLoginStatus($token: String) {
  checkLoginStatus(token: $token) { code message status exp iat data { id userPoolId arn } }
}`

export const refreshTokenDocument = `mutation refreshToken($id: String) {
  refreshToken(id: $id) { token iat exp }
}`

export const isUserExistsDocument = `query isUserExists($email: String, $phone: String, $username: String, $externalId: String) {
  isUserExists(email: $email, phone: $phone, username: $username, externalId: $externalId)
}`
