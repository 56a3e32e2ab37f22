import type { LoginFormLang } from '@authing-kit/react/login-form'
import type { ReactNode } from 'react'

const LANG_NAMES: Record<LoginFormLang, string> = { 'en-US': 'English', 'zh-CN': '中文' }

/** English / 中文, for the login form and the profile. */
export function LangSwitch({
  lang,
  onChange,
}: {
  lang: LoginFormLang
  onChange: (lang: LoginFormLang) => void
}): ReactNode {
  return (
    <div className="lang-switch" role="group" aria-label="Language / 语言">
      {(Object.keys(LANG_NAMES) as LoginFormLang[]).map((id) => (
        <button
          key={id}
          type="button"
          lang={id}
          className="lang-switch__option"
          aria-pressed={lang === id}
          onClick={() => onChange(id)}
        >
          {LANG_NAMES[id]}
        </button>
      ))}
    </div>
  )
}
