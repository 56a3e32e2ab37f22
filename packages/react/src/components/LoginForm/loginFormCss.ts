/**
 * The form's look. Every selector sits under `.ak-login`, so nothing leaks into the page, and every
 * colour, radius and font is a CSS variable the app can set on the form or any ancestor.
 */
export const loginFormCss = `
.ak-login{--ak-color-primary:#215ae5;--ak-color-text:#1d2129;--ak-color-muted:#86909c;--ak-color-border:#e5e6eb;--ak-color-error:#e63333;--ak-color-background:#fff;--ak-radius:4px;--ak-font:inherit;--ak-spacing:12px;box-sizing:border-box;max-width:360px;padding:calc(var(--ak-spacing)*2);font-family:var(--ak-font);color:var(--ak-color-text);background:var(--ak-color-background)}
.ak-login *,.ak-login *::before,.ak-login *::after{box-sizing:inherit}
.ak-login .ak-login__title{margin:0 0 var(--ak-spacing);font-size:1.25em}
.ak-login .ak-login__tabs{display:flex;gap:4px;margin-bottom:var(--ak-spacing)}
.ak-login .ak-login__tab{flex:1;padding:6px;border:0;border-bottom:2px solid transparent;background:none;color:var(--ak-color-muted);font:inherit;cursor:pointer}
.ak-login .ak-login__tab[aria-pressed="true"]{color:var(--ak-color-primary);border-bottom-color:var(--ak-color-primary)}
.ak-login .ak-login__form{display:flex;flex-direction:column;gap:var(--ak-spacing)}
.ak-login .ak-login__row{display:flex;gap:8px;align-items:flex-end}
.ak-login .ak-login__field{display:flex;flex-direction:column;gap:4px;flex:1}
.ak-login .ak-login__field--country{flex:0 0 5.5em}
.ak-login .ak-login__label{font-size:.875em}
.ak-login .ak-login__input{width:100%;padding:8px 10px;border:1px solid var(--ak-color-border);border-radius:var(--ak-radius);font:inherit;color:inherit;background:var(--ak-color-background)}
.ak-login .ak-login__input[aria-invalid="true"]{border-color:var(--ak-color-error)}
.ak-login .ak-login__field-error,.ak-login .ak-login__alert{color:var(--ak-color-error);font-size:.875em}
.ak-login .ak-login__remember{display:inline-flex;gap:6px;align-items:center;font-size:.875em}
.ak-login .ak-login__hint{display:block;margin-top:4px;color:var(--ak-color-muted);font-size:.8em}
.ak-login .ak-login__status{color:var(--ak-color-muted);font-size:.875em}
.ak-login .ak-login__alert:empty,.ak-login .ak-login__status:empty{display:none}
.ak-login .ak-login__submit,.ak-login .ak-login__send{padding:8px 12px;border:1px solid var(--ak-color-primary);border-radius:var(--ak-radius);font:inherit;cursor:pointer}
.ak-login .ak-login__submit{color:#fff;background:var(--ak-color-primary)}
.ak-login .ak-login__send{color:var(--ak-color-primary);background:none;white-space:nowrap}
.ak-login button:disabled{opacity:.6;cursor:not-allowed}
.ak-login .ak-login__choices{display:flex;gap:var(--ak-spacing);margin:0;padding:0;border:0}
.ak-login .ak-login__legend{float:left;margin-right:var(--ak-spacing);padding:0;font-size:.875em}
.ak-login .ak-login__links{display:flex;justify-content:space-between;margin-top:var(--ak-spacing)}
.ak-login .ak-login__link{padding:0;border:0;background:none;color:var(--ak-color-primary);font:inherit;cursor:pointer}
.ak-login :focus-visible{outline:2px solid var(--ak-color-primary);outline-offset:2px}
`
