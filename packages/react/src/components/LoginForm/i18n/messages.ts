import type { ErrorCatalog, FormLang } from '../../form/errorMessages.js'
import type { LoginFormMessages } from './en-US.js'

/** Everything the form says in one language: its strings, and what it says about failures. */
export interface FormStrings {
  t: LoginFormMessages
  errors: ErrorCatalog
}

// One chunk per language: a page downloads the strings of the language it shows, not both.
const loaders: Record<FormLang, () => Promise<FormStrings>> = {
  'en-US': () => import('./en-US.js').then((module) => ({ t: module.enUS, errors: module.enUSErrors })),
  'zh-CN': () => import('./zh-CN.js').then((module) => ({ t: module.zhCN, errors: module.zhCNErrors })),
}
const loaded: Partial<Record<FormLang, FormStrings>> = {}
const loading: Partial<Record<FormLang, Promise<FormStrings>>> = {}
const failed: Partial<Record<FormLang, unknown>> = {}

/** Starts loading the strings of `lang` (once; a failed load is tried again on the next call). */
export function loadMessages(lang: FormLang): Promise<FormStrings> {
  delete failed[lang]
  return (loading[lang] ??= loaders[lang]().then(
    (messages) => (loaded[lang] = messages),
    (error: unknown) => {
      delete loading[lang]
      failed[lang] = error
      throw error
    },
  ))
}

/**
 * The strings of `lang`, suspending the form (its `<Suspense>` shows the fallback) until they are
 * in; a chunk that fails to load throws to the app's error boundary, as a lazy view's does.
 */
export function useMessages(lang: FormLang): FormStrings {
  const messages = loaded[lang]
  if (messages) return messages
  if (lang in failed) throw failed[lang]
  throw loadMessages(lang)
}
