// Re-renders of a component that selects `useAuth((s) => s.user?.nickname)` when something else
// about the session changes. Goal: 0 for each unrelated change (the nickname row shows the count works).
import { printTable } from './lib.mjs'
import { h, kit, mount, React, settle, startAuthing } from './react-lib.mjs'

const authing = await startAuthing()
await authing.rememberUser()

let renders = 0
/** @type {ReturnType<typeof kit.useAuthingClient> | null} */
let client = null
/** The client ClientProbe saw: it rendered before any change below. */
const probed = () => /** @type {ReturnType<typeof kit.useAuthingClient>} */ (client)
function Nickname() {
  const nickname = kit.useAuth((auth) => auth.user?.nickname)
  renders++
  return h('span', null, nickname ?? 'anonymous')
}
function ClientProbe() {
  client = kit.useAuthingClient()
  return null
}
const page = await mount(authing.provider([h(Nickname, { key: 'n' }), h(ClientProbe, { key: 'c' })]))
await settle()

/** @param {() => Promise<unknown>} change */
async function rendersDuring(change) {
  const before = renders
  await React.act(change)
  await settle()
  return renders - before
}

/** @type {unknown[][]} */
const rows = []
/** @param {string} name @param {() => Promise<unknown>} change */
const unrelated = async (name, change) => {
  const count = await rendersDuring(change)
  rows.push([name, count, count === 0 ? 'ok' : 'MISSED'])
}
await unrelated('profile update of another field (city)', () => probed().updateProfile({ city: 'Hangzhou' }))
await unrelated('token refresh (idToken changes)', () => probed().refreshToken())
await unrelated('profile refetch (new user object, same data)', () => probed().getCurrentUser())
rows.push([
  'control: nickname changes',
  await rendersDuring(() => probed().updateProfile({ nickname: 'Bobby' })),
  '1 expected',
])
await page.unmount()

printTable(
  'React: re-renders of useAuth((s) => s.user?.nickname) on unrelated changes',
  ['change', 're-renders', 'goal 0'],
  rows,
)
