// Authing's own fields only (the emulator's extras would fail validation on Authing): `detail()` reads those.
const USERPOOL_FIELDS = `id name domain description secret logo createdAt updatedAt emailVerifiedDefault sendWelcomeEmail
registerDisabled appSsoEnabled allowedOrigins tokenExpiresAfter isDeleted
loginFailCheck { timeInterval limit enabled } passwordUpdatePolicy { enabled forcedCycle differenceCycle }
verifyCodeLength verifyCodeMaxAttempts`

export const updateUserpoolDocument = `mutation updateUserpool($input: UpdateUserpoolInput!) {
  updateUserpool(input: $input) { ${USERPOOL_FIELDS} }
}`
