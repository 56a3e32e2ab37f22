// Reload with a remembered, valid session: how many renders show a non-authenticated state before
// the first authenticated one, and how many requests were sent before it. Goal: 0 and 0.
import { printTable } from './lib.mjs'
import { h, kit, mount, settle, startAuthing } from './react-lib.mjs'

const authing = await startAuthing()
await authing.rememberUser()

/** @type {{ status: string, requests: number }[]} */
const renders = []
function Probe() {
  const status = kit.useAuth((auth) => auth.status)
  renders.push({ status, requests: authing.requests.length })
  return h('p', null, status)
}
const page = await mount(authing.provider(h(Probe)))
await settle()
const firstAuthenticated = renders.findIndex((render) => render.status === 'authenticated')
const before = firstAuthenticated < 0 ? renders : renders.slice(0, firstAuthenticated)
const requestsBefore =
  firstAuthenticated < 0
    ? authing.requests.length
    : /** @type {{ requests: number }} */ (renders[firstAuthenticated]).requests
await page.unmount()

/** @param {number} value */
const goal = (value) => (value === 0 ? 'ok' : 'MISSED')
printTable(
  'React: reload with a valid remembered token',
  ['figure', 'value', 'goal'],
  [
    ['non-authenticated renders before the first authenticated render', before.length, `0 ${goal(before.length)}`],
    ['requests sent before the first authenticated render', requestsBefore, `0 ${goal(requestsBefore)}`],
    ['requests once settled (background revalidation)', authing.requests.join(', ') || 'none', '—'],
  ],
)
