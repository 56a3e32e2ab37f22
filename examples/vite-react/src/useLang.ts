import type { LoginFormLang } from '@authing-kit/react/login-form'
import { useState } from 'react'

const LANGS: readonly LoginFormLang[] = ['en-US', 'zh-CN']

/**
 * The login form's language: `?lang=zh-CN` or `?lang=en-US` in the URL (English by default), kept in
 * the URL when switched so that a reload or a shared link shows the same language.
 */
export function useLang(): [LoginFormLang, (lang: LoginFormLang) => void] {
  const [lang, setLang] = useState<LoginFormLang>(() => {
    const asked = new URLSearchParams(window.location.search).get('lang')
    return LANGS.find((known) => known === asked) ?? 'en-US'
  })
  const switchTo = (next: LoginFormLang): void => {
    const url = new URL(window.location.href)
    url.searchParams.set('lang', next)
    window.history.replaceState(window.history.state, '', url)
    setLang(next)
  }
  return [lang, switchTo]
}
