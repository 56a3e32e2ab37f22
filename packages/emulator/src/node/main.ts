import { demoSeed } from '../index.js'
import { HELP, parseCliArgs } from './args.js'
import { formatBanner, formatMessage } from './banner.js'
import { type EmulatorServer, startEmulatorServer } from './server.js'
import { isEmulatorServerError } from './serverError.js'

export interface CliIo {
  log(line: string): void
  error(line: string): void
}

/** Either the CLI is done (help, or a failure) or the server runs until `stop`. */
export type CliOutcome = { exitCode: number } | { server: EmulatorServer; stop(): Promise<void> }

/** Mistakes in what the user gave us (exit 2), as opposed to failures to run (exit 1). */
const USAGE_ERRORS = new Set(['HOST_NOT_LOOPBACK', 'SEED_INVALID'])

/** The CLI without the process: argv in, lines out; `cli.ts` adds signals and exit codes. */
export async function main(argv: readonly string[], io: CliIo): Promise<CliOutcome> {
  const parsed = parseCliArgs(argv)
  if (parsed.kind === 'help') {
    io.log(HELP)
    return { exitCode: 0 }
  }
  if (parsed.kind === 'error') {
    io.error(`authing-emulator: ${parsed.message}\nRun authing-emulator --help for the options.`)
    return { exitCode: 2 }
  }
  let server: EmulatorServer
  try {
    server = await startEmulatorServer({ seed: demoSeed, ...parsed.options, log: io.error })
  } catch (error) {
    if (!isEmulatorServerError(error)) throw error
    io.error(`authing-emulator: ${error.message}`)
    return { exitCode: USAGE_ERRORS.has(error.code) ? 2 : 1 }
  }
  const { emulator } = server
  io.log(formatBanner({ url: server.url, info: emulator.info(), dataFile: parsed.options.dataFile }))
  const unsubscribe = emulator.onMessage((message) => io.log(formatMessage(message)))
  return {
    server,
    stop: async () => {
      unsubscribe()
      await server.close()
    },
  }
}
