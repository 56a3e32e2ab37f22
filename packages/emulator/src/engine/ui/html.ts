/**
 * HTML from template literals for the emulator's pages (dashboard, hosted login): every
 * interpolated value is escaped unless it is already `Html`, so caller-chosen strings (usernames,
 * redirect URIs, error texts) can never become markup.
 */

/** A value already made safe; everything else put in `html` is escaped. */
export class Html {
  constructor(readonly value: string) {}
}
export type Part = Html | string | number | null | undefined | readonly Part[]

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, text, i) => out + text + (i < parts.length ? render(parts[i]) : ''), ''))
}

/** Marks a constant of ours (CSS, a script with a CSP hash) as markup. Never for request data. */
export function raw(trusted: string): Html {
  return new Html(trusted)
}

function render(part: Part): string {
  if (part instanceof Html) return part.value
  if (part === null || part === undefined) return ''
  if (typeof part === 'object') return part.map(render).join('')
  return String(part).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
