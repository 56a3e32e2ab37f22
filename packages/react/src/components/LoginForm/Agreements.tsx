import { agreementsFor } from '@authing-kit/client'
import { type ReactNode, useState } from 'react'

import { useLoginFormContext } from './formContext.js'

// Elements whose content is code or invisible, not words of the title.
const HIDDEN = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|IFRAME|OBJECT|SVG|MATH)$/

/**
 * An agreement's title as the console wrote it (HTML, with links to the terms), as React text and
 * links only: no markup of the app's reaches the page, and only http(s) and mailto links survive.
 */
function titleNodes(html: string): ReactNode[] {
  const walk = (node: Node, key: string): ReactNode => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent
    if (!(node instanceof Element) || HIDDEN.test(node.tagName)) return null
    const children = [...node.childNodes].map((child, i) => walk(child, `${key}.${i}`))
    const href = node.tagName === 'A' ? (node.getAttribute('href') ?? '') : ''
    return /^(https?:|mailto:)/i.test(href) ? (
      <a key={key} href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      children
    )
  }
  const body = new DOMParser().parseFromString(html, 'text/html').body
  return [...body.childNodes].map((child, i) => walk(child, String(i)))
}

export interface AgreementsState {
  /** The checkboxes ('' when the app shows none). */
  boxes: ReactNode
  /** The ticked agreements, for the login call; undefined when the app shows none. */
  ids: number[] | undefined
  /** Whether every required one is ticked; if not, says so and focuses the first that is not. */
  check(form: HTMLFormElement | null): boolean
}

/** The app's agreements for this form (public config, in the form's language): boxes to tick before submitting. */
export function useAgreements(form: 'login' | 'register'): AgreementsState {
  const { t, lang, config, warn } = useLoginFormContext()
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set())
  const [missing, setMissing] = useState(false)
  const shown = config ? agreementsFor(config, form, lang) : []
  const toggle = (id: number, on: boolean) => {
    setMissing(false)
    setTicked((current) => {
      const next = new Set(current)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  }
  const boxes = shown.length ? (
    <fieldset className="ak-login__agreements" aria-label={t.agreements}>
      {shown.map((agreement) => (
        <label key={agreement.id} className="ak-login__remember">
          <input
            type="checkbox"
            name={`agreement-${agreement.id}`}
            checked={ticked.has(agreement.id)}
            aria-invalid={missing && agreement.required && !ticked.has(agreement.id) ? true : undefined}
            onChange={(event) => toggle(agreement.id, event.target.checked)}
          />
          <span>
            {titleNodes(agreement.title)}
            {agreement.required ? ' *' : null}
          </span>
        </label>
      ))}
    </fieldset>
  ) : null
  return {
    boxes,
    ids: shown.length ? shown.filter((a) => ticked.has(a.id)).map((a) => a.id) : undefined,
    check(element) {
      const unticked = shown.find((a) => a.required && !ticked.has(a.id))
      if (!unticked) return true
      setMissing(true)
      warn(t.agreementsRequired)
      const box = element?.elements.namedItem(`agreement-${unticked.id}`)
      if (box instanceof HTMLElement) box.focus()
      return false
    },
  }
}
