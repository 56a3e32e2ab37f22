import { parseArgs } from 'node:util'

import type { EmulatorServerOptions } from './server.js'

export const HELP = `authing-emulator — an offline Authing server (the v2 GraphQL + REST wire protocol, in memory)

Usage: authing-emulator [options]

Options:
  --port N                  port to listen on (default 5556; 0 = any free port)
  --host HOST               address to bind (default 127.0.0.1); only loopback unless --allow-remote
  --allow-remote            allow a non-loopback --host: anyone who reaches it can sign in as anyone
  --data FILE               keep the state in FILE (+ FILE.journal); every answered write survives
                            a crash. Without it the state is lost on exit
  --seed FILE               JSON seed document (user pool, apps, users, roles…); default: the demo
                            seed (bob, and a user per login flow, printed below). With --data
                            it is used only when FILE does not exist yet (POST /__emulator/reset
                            returns to the seed FILE was created from)
  --app-host URL            public base URL of the app; id_token iss = URL/oidc (default: server URL)
  --password-iterations N   PBKDF2 iterations for new password hashes (default 100000)
  --legacy-login-errors     unknown user → 2004, wrong password → 2006 (default: uniform 2333)
  -h, --help                show this help

Exit codes: 0 stopped cleanly (Ctrl+C / SIGTERM), 1 could not start or run, 2 bad arguments or files.`

export type ParsedArgs =
  { kind: 'help' } | { kind: 'run'; options: EmulatorServerOptions } | { kind: 'error'; message: string }

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let values
  try {
    ;({ values } = parseArgs({
      // `pnpm emulator -- --port 1` hands the separator on; it carries no meaning here.
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'allow-remote': { type: 'boolean' },
        data: { type: 'string' },
        seed: { type: 'string' },
        'app-host': { type: 'string' },
        'password-iterations': { type: 'string' },
        'legacy-login-errors': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    return { kind: 'error', message: (error as Error).message }
  }
  if (values.help) return { kind: 'help' }

  const port = values.port === undefined ? 5556 : integer(values.port, 0, 65_535)
  if (port === undefined)
    return { kind: 'error', message: `--port must be a whole number 0–65535, got "${values.port}"` }
  const iterations = values['password-iterations']
  const passwordIterations = iterations === undefined ? undefined : integer(iterations, 1, 10_000_000)
  if (iterations !== undefined && passwordIterations === undefined) {
    return { kind: 'error', message: `--password-iterations must be a whole number ≥ 1, got "${iterations}"` }
  }
  const appHost = values['app-host']
  if (appHost !== undefined && !/^https?:\/\/[^/]+/.test(appHost)) {
    return {
      kind: 'error',
      message: `--app-host must be an http(s) URL such as http://localhost:5556, got "${appHost}"`,
    }
  }

  const options: EmulatorServerOptions = {
    port,
    host: values.host ?? '127.0.0.1',
    allowRemote: values['allow-remote'] ?? false,
    emulator: {
      ...(appHost !== undefined && { appHost: appHost.replace(/\/+$/, '') }),
      ...(passwordIterations !== undefined && { passwordIterations }),
      ...(values['legacy-login-errors'] && { legacyLoginErrors: true }),
    },
  }
  if (values.data !== undefined) options.dataFile = values.data
  if (values.seed !== undefined) options.seedFile = values.seed
  return { kind: 'run', options }
}

function integer(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined
  const value = Number(text)
  return value >= min && value <= max ? value : undefined
}
