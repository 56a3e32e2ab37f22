/**
 * `@authing-kit/react/login-form`: the ready login form, an entry of its own so that apps which never
 * show it do not ship it (the form's view itself loads on first render).
 */
export type { LoginFormLang, LoginFormMethod, LoginFormProps } from './components/LoginForm/LoginForm.js'
export { LoginForm } from './components/LoginForm/LoginForm.js'
