/**
 * The look both ready-made screens share (their root carries `ak-login`): the theme variables, the
 * fields, the notices and the submit button, whose shape the login form's send-code button takes too.
 * Every selector sits under `.ak-login`, so nothing leaks into the page, and every colour, radius and
 * font is a CSS variable the app can set on the screen or any ancestor. Each screen appends its own rules.
 */
export const formCss = `
.ak-login{--ak-color-primary:#215ae5;--ak-color-text:#1d2129;--ak-color-muted:#86909c;--ak-color-border:#e5e6eb;--ak-color-error:#e63333;--ak-color-background:#fff;--ak-radius:4px;--ak-font:inherit;--ak-spacing:12px;box-sizing:border-box;max-width:360px;padding:calc(var(--ak-spacing)*2);font-family:var(--ak-font);color:var(--ak-color-text);background:var(--ak-color-background)}
.ak-login *,.ak-login *::before,.ak-login *::after{box-sizing:inherit}
.ak-login .ak-login__title{margin:0 0 var(--ak-spacing);font-size:1.25em}
.ak-login .ak-login__form{display:flex;flex-direction:column;gap:var(--ak-spacing)}
.ak-login .ak-login__field{display:flex;flex-direction:column;gap:4px;flex:1}
.ak-login .ak-login__label{font-size:.875em}
.ak-login .ak-login__input{width:100%;padding:8px 10px;border:1px solid var(--ak-color-border);border-radius:var(--ak-radius);font:inherit;color:inherit;background:var(--ak-color-background)}
.ak-login .ak-login__input[aria-invalid="true"]{border-color:var(--ak-color-error)}
.ak-login .ak-login__field-error,.ak-login .ak-login__alert{color:var(--ak-color-error);font-size:.875em}
.ak-login .ak-login__status{color:var(--ak-color-muted);font-size:.875em}
.ak-login .ak-login__alert:empty,.ak-login .ak-login__status:empty{display:none}
.ak-login .ak-login__submit,.ak-login .ak-login__send{padding:8px 12px;border:1px solid var(--ak-color-primary);border-radius:var(--ak-radius);font:inherit;cursor:pointer}
.ak-login .ak-login__submit{color:#fff;background:var(--ak-color-primary)}
.ak-login button:disabled{opacity:.6;cursor:not-allowed}
.ak-login :focus-visible{outline:2px solid var(--ak-color-primary);outline-offset:2px}
`
