#!/usr/bin/env node
// Checks what npm users would install, on every test run: publint (package.json fields against the
// packed files) and Are The Types Wrong (types resolve under node16 and bundlers). The client ships
// ESM and CommonJS; the other packages are ESM only (Node ≥ 20.19 can require() them), so for them
// attw ignores the CommonJS and node10 resolutions. Writes .ci-summary/packages.json.
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
/** @param {string} name */
const bin = (name) => `${root}/node_modules/.bin/${name}`
const packages = [
  { dir: 'packages/client', attwProfile: 'node16' },
  { dir: 'packages/react', attwProfile: 'esm-only' },
  { dir: 'packages/emulator', attwProfile: 'esm-only' },
]

/**
 * Runs one check; its output is shown only when it fails.
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{ title: string, ok: boolean, output: string }>}
 */
function check(title, command, args, cwd) {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        resolve({ title, ok: !error, output: `${stdout}${stderr}`.replace(/^npm warn .*\n/gm, '') })
      },
    )
  })
}

console.log('Package checks (publint --strict, attw)')
const checks = packages.flatMap(({ dir, attwProfile }) => [
  check(`publint ${dir}`, bin('publint'), ['run', '.', '--pack', 'npm', '--strict'], `${root}/${dir}`),
  check(
    `attw ${dir} (profile ${attwProfile})`,
    bin('attw'),
    ['--pack', '.', '--profile', attwProfile, '--format', 'ascii'],
    `${root}/${dir}`,
  ),
])
const results = [...(await Promise.all(checks)), await versionedTogether()]
for (const { title, ok, output } of results) {
  console.log(`  ${ok ? '✔' : '✘'} ${title}`)
  if (!ok) console.log(output)
}
/** Asks changesets what a major release of the client alone would bring (major outranks any pending change): the React package must follow it. */
async function versionedTogether() {
  const probe = `${root}/.changeset/ci-probe-${process.pid}.md`
  const plan = `${tmpdir()}/authing-kit-release-plan-${process.pid}.json`
  writeFileSync(probe, '---\n"@authing-kit/client": major\n---\n\nProbe written by scripts/package-checks.mjs.\n')
  try {
    const result = await check(
      'changesets: client and react are released together',
      bin('changeset'),
      ['status', '--output', plan],
      root,
    )
    if (!result.ok) return result
    /** @type {{ name: string, newVersion: string }[]} */
    const releases = JSON.parse(readFileSync(plan, 'utf8')).releases
    /** @param {string} name */
    const version = (name) => releases.find((release) => release.name === name)?.newVersion
    const together =
      version('@authing-kit/client') !== undefined && version('@authing-kit/client') === version('@authing-kit/react')
    return { ...result, ok: together, output: together ? '' : JSON.stringify(releases, null, 2) }
  } finally {
    rmSync(probe, { force: true })
    rmSync(plan, { force: true })
  }
}

mkdirSync(`${root}/.ci-summary`, { recursive: true })
writeFileSync(
  `${root}/.ci-summary/packages.json`,
  JSON.stringify(
    results.map(({ title, ok }) => ({ title, ok })),
    null,
    2,
  ),
)
if (results.some((result) => !result.ok)) process.exit(1)
