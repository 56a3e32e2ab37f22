/** The one-time state of a redirect login, in the target URL's query and in sessionStorage. */
export const socialStateParam = 'authing_social_state'

/**
 * Whether `url` (default: this page) is the return of a social login by redirect, for
 * `social.handleRedirectCallback`. Kept out of the social client's chunk: a page checks it on load.
 */
export function isSocialRedirect(url?: string): boolean {
  const here = url ?? (typeof location === 'undefined' ? '' : location.href)
  return here.includes(`${socialStateParam}=`) && /[?&]code=/.test(here)
}
