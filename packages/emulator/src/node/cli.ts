// The `authing-emulator` executable: main() plus the process around it (exit codes, signals).
import { main } from './main.js'

const io = { log: (line: string) => console.log(line), error: (line: string) => console.error(line) }

try {
  const outcome = await main(process.argv.slice(2), io)
  if ('exitCode' in outcome) process.exit(outcome.exitCode)
  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl+C: leave now. Everything answered is already in the journal.
      process.exit(1)
    }
    stopping = true
    io.log(`\n  ${signal}: stopping (saving the state)…`)
    outcome.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        io.error(`authing-emulator: could not stop cleanly: ${String(error)}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  io.error(
    `authing-emulator: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
  process.exit(1)
}
