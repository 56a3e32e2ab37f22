/** The login form's own rules, after the shared `formCss`: tabs, code row, remember-me, choices, links. */
export const loginFormCss = `
.ak-login .ak-login__tabs{display:flex;gap:4px;margin-bottom:var(--ak-spacing)}
.ak-login .ak-login__tab{flex:1;padding:6px;border:0;border-bottom:2px solid transparent;background:none;color:var(--ak-color-muted);font:inherit;cursor:pointer}
.ak-login .ak-login__tab[aria-pressed="true"]{color:var(--ak-color-primary);border-bottom-color:var(--ak-color-primary)}
.ak-login .ak-login__row{display:flex;gap:8px;align-items:flex-end}
.ak-login .ak-login__field--country{flex:0 0 5.5em}
.ak-login .ak-login__remember{display:inline-flex;gap:6px;align-items:center;font-size:.875em}
.ak-login .ak-login__hint{display:block;margin-top:4px;color:var(--ak-color-muted);font-size:.8em}
.ak-login .ak-login__send{color:var(--ak-color-primary);background:none;white-space:nowrap}
.ak-login .ak-login__choices{display:flex;gap:var(--ak-spacing);margin:0;padding:0;border:0}
.ak-login .ak-login__legend{float:left;margin-right:var(--ak-spacing);padding:0;font-size:.875em}
.ak-login .ak-login__rules{margin:0;padding:0;list-style:none;font-size:.8em;color:var(--ak-color-muted)}
.ak-login .ak-login__rules [data-met="true"]{color:var(--ak-color-primary)}
.ak-login .ak-login__captcha{border:1px solid var(--ak-color-border);border-radius:var(--ak-radius)}
.ak-login .ak-login__agreements{display:flex;flex-direction:column;gap:4px;margin:0;padding:0;border:0}
.ak-login .ak-login__qr{align-self:center;image-rendering:pixelated}
.ak-login .ak-login__secret{font-size:1.1em;letter-spacing:.05em;user-select:all}
.ak-login .ak-login__links{display:flex;justify-content:space-between;margin-top:var(--ak-spacing)}
.ak-login .ak-login__link{padding:0;border:0;background:none;color:var(--ak-color-primary);font:inherit;cursor:pointer}
`
