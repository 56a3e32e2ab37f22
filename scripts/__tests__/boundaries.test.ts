// Each import rule of .dependency-cruiser.cjs, shown failing: a small tree that breaks every rule once is
// checked with the workspace's own config, and each rule must name the file that breaks it.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** file → its source; every import below breaks exactly one rule (the comment names it). */
const brokenTree: Record<string, string> = {
  // no-circular (type-only imports count)
  'packages/client/src/first.ts': "import type { Second } from './second'\nexport type First = Second[]\n",
  'packages/client/src/second.ts': "import type { First } from './first'\nexport type Second = { first: First }\n",
  // client-main-no-management, reached through a helper
  'packages/client/src/index.ts': "export { helper } from './helper'\n",
  'packages/client/src/helper.ts': "export { users as helper } from './management/users'\n",
  'packages/client/src/management/users.ts': 'export const users = 1\n',
  // client-no-react-or-emulator
  'packages/client/src/usesReact.ts': "export { hook } from '../../react/src/hook'\n",
  'packages/react/src/hook.ts': 'export const hook = 1\n',
  // react-no-management
  'packages/react/src/useAdmin.ts': "export { users } from '../../client/src/management/users'\n",
  // react-no-emulator
  'packages/react/src/useEmulator.ts': "export { createEmulator } from '../../emulator/src/index'\n",
  'packages/emulator/src/index.ts': 'export const createEmulator = 1\n',
  // emulator-engine-no-node and emulator-imports-nothing-of-ours
  'packages/emulator/src/engine/readsDisk.ts':
    "import { readFileSync } from 'node:fs'\nexport const read = readFileSync\n",
  'packages/emulator/src/engine/usesClient.ts': "export { helper } from '../../../client/src/helper'\n",
  // emulator-model-below-engine
  'packages/emulator/src/model/state.ts': "export { rule } from '../engine/domain/users'\n",
  // emulator-domain-holds-rules-only
  'packages/emulator/src/engine/domain/users.ts': "export { schema as rule } from '../graphql/schema'\n",
  'packages/emulator/src/engine/graphql/schema.ts': 'export const schema = 1\n',
  // emulator-views-shape-only
  'packages/emulator/src/engine/views/user.ts': "export { route } from '../http/router'\n",
  'packages/emulator/src/engine/http/router.ts': 'export const route = 1\n',
  // emulator-ui-renders-only
  'packages/emulator/src/engine/ui/dashboard.ts': "export { userRoutes } from '../rest/handlers/users'\n",
  // emulator-handlers-independent
  'packages/emulator/src/engine/graphql/resolvers/auth.ts': "export { roles } from './roles'\n",
  'packages/emulator/src/engine/graphql/resolvers/roles.ts': 'export const roles = 1\n',
  // emulator-wire-layers-apart
  'packages/emulator/src/engine/rest/handlers/users.ts':
    "export { schema as userRoutes } from '../../graphql/schema'\n",
}

const expected: Array<[rule: string, from: string]> = [
  ['no-circular', 'packages/client/src/first.ts'],
  ['client-main-no-management', 'packages/client/src/index.ts'],
  ['client-no-react-or-emulator', 'packages/client/src/usesReact.ts'],
  ['react-no-management', 'packages/react/src/useAdmin.ts'],
  ['react-no-emulator', 'packages/react/src/useEmulator.ts'],
  ['emulator-engine-no-node', 'packages/emulator/src/engine/readsDisk.ts'],
  ['emulator-imports-nothing-of-ours', 'packages/emulator/src/engine/usesClient.ts'],
  ['emulator-model-below-engine', 'packages/emulator/src/model/state.ts'],
  ['emulator-domain-holds-rules-only', 'packages/emulator/src/engine/domain/users.ts'],
  ['emulator-views-shape-only', 'packages/emulator/src/engine/views/user.ts'],
  ['emulator-ui-renders-only', 'packages/emulator/src/engine/ui/dashboard.ts'],
  ['emulator-handlers-independent', 'packages/emulator/src/engine/graphql/resolvers/auth.ts'],
  ['emulator-wire-layers-apart', 'packages/emulator/src/engine/rest/handlers/users.ts'],
]

interface Violation {
  from: string
  to: string
  rule: { name: string }
}

let dir: string
let violations: Violation[]

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'boundaries-'))
  for (const [file, source] of Object.entries(brokenTree)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), source)
  }
  for (const file of ['.dependency-cruiser.cjs', 'tsconfig.base.json']) copyFileSync(join(root, file), join(dir, file))
  const result = spawnSync(
    join(root, 'node_modules/.bin/depcruise'),
    ['packages', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: dir, encoding: 'utf8' },
  )
  violations = (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('import boundaries', () => {
  it.each(expected)('%s fails on %s', (rule, from) => {
    expect(violations.filter((violation) => violation.rule.name === rule).map((violation) => violation.from)).toContain(
      from,
    )
  })

  it('names no rule the tree does not break', () => {
    const rules = new Set(violations.map((violation) => violation.rule.name))
    expect([...rules].sort()).toEqual(expected.map(([rule]) => rule).sort())
  })
})
