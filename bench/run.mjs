// Runs every benchmark in turn (after `pnpm build`); each prints its own table of ratios.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

for (const script of ['client-overhead.mjs', 'login-throughput.mjs', 'management-users.mjs']) {
  const path = fileURLToPath(new URL(script, import.meta.url))
  const result = spawnSync(process.execPath, [path], { stdio: 'inherit' })
  if (result.status !== 0) process.exitCode = 1
}
