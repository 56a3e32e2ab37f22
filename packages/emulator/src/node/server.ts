import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createEmulator, type Emulator, type EmulatorOptions, type SeedDocument, SeedError } from '../index.js'
import { recordShapeProblem } from '../model/recordShapes.js'
import { hostCheck } from './hostCheck.js'
import { BodyTooLargeError, sendJson, sendWebResponse, toWebRequest } from './httpAdapter.js'
import { Journal, type JournalFs } from './journal.js'
import { baseUrlOf, isLoopbackHost } from './loopback.js'
import { readSeedFile } from './readSeedFile.js'
import { EmulatorServerError, isEmulatorServerError } from './serverError.js'

export interface EmulatorServerOptions {
  /** Default 5556; 0 picks a free port. */
  port?: number
  /** Default 127.0.0.1. Anything but loopback is refused unless `allowRemote`. */
  host?: string
  allowRemote?: boolean
  /** Durable state: a snapshot file plus `${dataFile}.journal`. Without it, state lives in memory only. */
  dataFile?: string
  /** The file operations behind `dataFile` (default node:fs/promises): tests inject failures here. */
  fs?: JournalFs
  /** A JSON seed document to read; it wins over `seed`. */
  seedFile?: string
  /** The seed without a file (the CLI passes `demoSeed`); default: `defaultSeed`. */
  seed?: SeedDocument
  emulator?: Omit<EmulatorOptions, 'seed' | 'state'>
  /** Warnings and errors the server hits on its own (not the banner: that is the CLI's). */
  log?: (line: string) => void
}

export interface EmulatorServer {
  /** Base URL, e.g. http://127.0.0.1:5556 */
  url: string
  emulator: Emulator
  /** Stops accepting requests, finishes the ones in flight, compacts the journal. */
  close(): Promise<void>
}

/** The emulator over HTTP: node:http around `emulator.fetch`, with a durable journal for `dataFile`. */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1'
  const log = options.log ?? ((line: string) => console.error(line))
  if (!isLoopbackHost(host) && !options.allowRemote) {
    throw new EmulatorServerError(
      'HOST_NOT_LOOPBACK',
      `Refusing to listen on ${host}: the emulator has no real security and only loopback hosts ` +
        '(127.0.0.1, localhost, ::1) are allowed. Pass allowRemote (--allow-remote) if you really mean it.',
    )
  }
  const seed = options.seedFile === undefined ? options.seed : await readSeedFile(options.seedFile)
  const dataFile = options.dataFile
  const onJournalError = (error: unknown): void =>
    log(
      readOnly(error)
        ? `emulator: ${error.message}`
        : `emulator: compacting ${dataFile} failed (the journal still holds every write): ${String(error)}`,
    )
  const opened =
    dataFile === undefined
      ? undefined
      : await Journal.open(dataFile, {
          onError: onJournalError,
          checkRow: recordShapeProblem,
          warn: log,
          ...(options.fs && { fs: options.fs }),
        })
  const journal = opened?.journal

  // The port comes first (the app host is the URL); requests that arrive while the emulator is still
  // starting wait for it, or get a 503 if it fails.
  let dispatch: ((req: IncomingMessage, res: ServerResponse) => void) | undefined
  let gate: (ok: boolean) => void = () => {}
  const started = new Promise<boolean>((resolve) => (gate = resolve))
  const server = createServer((req, res) => {
    if (dispatch) dispatch(req, res)
    else void started.then(() => (dispatch ? dispatch(req, res) : sendJson(res, 503, 'The emulator failed to start')))
  })
  let url: string
  try {
    url = baseUrlOf(host, await listen(server, host, options.port ?? 5556))
  } catch (error) {
    await journal?.discard()
    throw error
  }

  let emulator: Emulator
  try {
    emulator = createEmulator({
      ...options.emulator,
      appHost: options.emulator?.appHost ?? url,
      ...(seed && { seed }),
      ...(opened?.state && { state: opened.state }),
    })
    journal?.attach(emulator.store)
    await emulator.ready()
    // Fresh data file: write the initial state. Restart: fold the replayed journal into the snapshot.
    await journal?.compact()
  } catch (cause) {
    gate(false)
    await closeServer(server)
    await journal?.discard()
    throw startFailure(cause, options)
  }

  let closing: Promise<void> | undefined
  const originFor = hostCheck({
    url,
    appHost: emulator.info().appHost,
    bindHost: host,
    allowRemote: options.allowRemote === true,
  })
  dispatch = (req, res) => {
    if (closing) res.setHeader('connection', 'close')
    const origin = originFor(req.headers.host)
    if (origin === null) {
      sendJson(
        res,
        421,
        `Misdirected request: this emulator answers ${url} (and its app host), not Host ${JSON.stringify(req.headers.host ?? '')}. ` +
          'Other names are refused so that a web page cannot reach it through DNS rebinding.',
      )
      return
    }
    handle(req, res, origin, emulator, journal).catch((error: unknown) => {
      log(`emulator: ${req.method} ${req.url} failed: ${error instanceof Error ? error.stack : String(error)}`)
      sendJson(res, 500, `Internal emulator error: ${error instanceof Error ? error.message : String(error)}`)
    })
  }
  gate(true)

  return {
    url,
    emulator,
    close: () => {
      closing ??= closeServer(server).then(() => journal?.close())
      return closing
    },
  }
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  emulator: Emulator,
  journal: Journal | undefined,
): Promise<void> {
  let request: Request
  try {
    request = await toWebRequest(req, origin)
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      // Closing the connection stops the client from sending the rest.
      sendJson(res, 413, error.message, { headers: { connection: 'close' } })
      return
    }
    sendJson(res, 400, `Bad request: ${(error as Error).message}`)
    return
  }
  const response = await emulator.fetch(request)
  try {
    // Durable before answered: this waits for the group commit that holds this request's changes.
    await journal?.flush()
  } catch (error) {
    // The journal took the write back: nothing the answer would tell about was saved.
    if (!readOnly(error)) throw error
    sendJson(res, 503, error.message, { error: error.code })
    return
  }
  await sendWebResponse(res, response)
}

const readOnly = (error: unknown): error is EmulatorServerError =>
  isEmulatorServerError(error) && error.code === 'DATA_READ_ONLY'

function startFailure(cause: unknown, { dataFile, seedFile }: EmulatorServerOptions): EmulatorServerError {
  if (cause instanceof EmulatorServerError) return cause
  const message = cause instanceof Error ? cause.message : String(cause)
  if (cause instanceof SeedError) {
    return new EmulatorServerError('SEED_INVALID', seedFile === undefined ? message : `${seedFile}: ${message}`, {
      cause,
    })
  }
  // The engine refuses a state it cannot use: with --data that is what the files hold.
  return dataFile === undefined
    ? new EmulatorServerError('START_FAILED', `The emulator could not start: ${message}`, { cause })
    : new EmulatorServerError('DATA_CORRUPT', `${dataFile} holds no usable emulator state: ${message}`, { cause })
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (cause: NodeJS.ErrnoException) => {
      reject(
        cause.code === 'EADDRINUSE'
          ? new EmulatorServerError(
              'PORT_IN_USE',
              `Port ${port} on ${host} is already in use (another emulator?). Stop it, or pick another port with --port (0 = any free port).`,
              { cause },
            )
          : new EmulatorServerError('LISTEN_FAILED', `Cannot listen on ${host}:${port}: ${cause.message}`, { cause }),
      )
    })
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port))
  })
}

/** Lets requests in flight finish (their connections then close), then gives up on idle keep-alives. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), 2000)
    force.unref()
    server.close(() => {
      clearTimeout(force)
      resolve()
    })
    server.closeIdleConnections()
  })
}
