/** SAML stays a URL: the IdP-initiated login of Authing's SAML IdP (the emulator issues no assertions). */
export function samlAuthorizeUrl(base: string, appId: string): string {
  return `${base}/api/v2/saml-idp/${encodeURIComponent(appId)}`
}
