/**
 * The profile's own rules, after the shared `formCss` (its root also carries `ak-login`, so it takes
 * the same theme variables as the login form); everything here sits under `.ak-profile`.
 */
export const userProfileCss = `
.ak-profile{max-width:440px}
.ak-profile .ak-profile__header{display:flex;gap:var(--ak-spacing);align-items:center;margin-bottom:var(--ak-spacing)}
.ak-profile .ak-profile__header .ak-login__title{margin:0}
.ak-profile .ak-profile__photo{width:56px;height:56px;border-radius:50%;object-fit:cover;background:var(--ak-color-border)}
.ak-profile .ak-profile__facts{display:grid;grid-template-columns:max-content 1fr;gap:4px var(--ak-spacing);margin:0 0 calc(var(--ak-spacing)*2);font-size:.875em}
.ak-profile .ak-profile__facts dt{color:var(--ak-color-muted)}
.ak-profile .ak-profile__facts dd{margin:0;overflow-wrap:anywhere}
.ak-profile .ak-profile__section{margin:0 0 calc(var(--ak-spacing)*2);padding:0;border:0}
.ak-profile .ak-profile__section-title{margin:0;font-size:1em}
.ak-profile .ak-profile__actions{display:flex;gap:8px}
.ak-profile .ak-profile__button{align-self:flex-start}
.ak-profile .ak-profile__note{margin:0;font-size:.875em;color:var(--ak-color-muted)}
.ak-profile .ak-profile__passkeys{display:flex;flex-direction:column;gap:8px;margin:0;padding:0;list-style:none}
.ak-profile .ak-profile__passkey{display:flex;justify-content:space-between;align-items:center;gap:8px}
.ak-profile .ak-profile__qr{align-self:flex-start;image-rendering:pixelated;border:1px solid var(--ak-color-border)}
.ak-profile .ak-profile__secret{overflow-wrap:anywhere;user-select:all}
.ak-profile .ak-profile__logout,.ak-profile .ak-profile__button{padding:8px 12px;border:1px solid var(--ak-color-border);border-radius:var(--ak-radius);font:inherit;color:inherit;background:none;cursor:pointer}
`
