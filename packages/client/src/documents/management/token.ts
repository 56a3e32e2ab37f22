export const accessTokenDocument = `query accessToken($userPoolId: String!, $secret: String!) {
  accessToken(userPoolId: $userPoolId, secret: $secret) { accessToken exp iat }
}`
