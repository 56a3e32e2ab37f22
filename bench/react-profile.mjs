// Requests sent when 100 components that call useProfile mount on a reload with a remembered session.
// Goal: 1 (the background check of the session doubles as the profile fetch; every consumer shares it).
import { printTable } from './lib.mjs'
import { h, kit, mount, QueryClient, QueryClientProvider, settle, startAuthing } from './react-lib.mjs'

const CONSUMERS = 100

function Consumer() {
  const { profile } = kit.useProfile()
  return h('li', null, profile?.username ?? '…')
}

/** @param {boolean} withAppQueryClient */
async function measure(withAppQueryClient) {
  const authing = await startAuthing()
  await authing.rememberUser()
  const list = h(
    'ul',
    null,
    Array.from({ length: CONSUMERS }, (_, i) => h(Consumer, { key: i })),
  )
  const app = authing.provider(list)
  const page = await mount(withAppQueryClient ? h(QueryClientProvider, { client: new QueryClient() }, app) : app)
  await settle(100)
  const shown = page.container.querySelectorAll('li').length
  await page.unmount()
  const count = authing.requests.length
  return [
    withAppQueryClient ? "app's QueryClientProvider" : "provider's own QueryClient",
    shown,
    count,
    authing.requests.join(', '),
    count <= 1 ? 'ok' : 'MISSED',
  ]
}

printTable(
  `React: requests for ${CONSUMERS} mounted useProfile consumers (reload, remembered session)`,
  ['QueryClient', 'consumers', 'requests', 'sent', 'goal 1'],
  [await measure(true), await measure(false)],
)
// React Query's cache timers (gcTime, 5 min) and jsdom would keep the process alive long after.
process.exit()
