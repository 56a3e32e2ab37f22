// Runs every benchmark in turn (after `pnpm build`); each prints its own table.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const scripts = [
  'client-overhead.mjs',
  'login-throughput.mjs',
  'management-users.mjs',
  'react-restore.mjs',
  'react-profile.mjs',
  'react-rerenders.mjs',
  'react-bundle.mjs',
  'ui-bundle.mjs',
  'react-reload.mjs',
]
for (const script of scripts) {
  const path = fileURLToPath(new URL(script, import.meta.url))
  const result = spawnSync(process.execPath, [path], { stdio: 'inherit' })
  if (result.status !== 0) process.exitCode = 1
}
