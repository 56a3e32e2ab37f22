/** Authorization codes (and CAS tickets): how long they live, and what a PKCE verifier or challenge looks like. */

/** How long a code may wait for its exchange: short, as RFC 6749 §4.1.2 asks (at most 10 minutes). */
export const authorizationCodeLifetimeSeconds = 300

export const verifierOrChallenge = /^[A-Za-z0-9\-._~]{43,128}$/
