import { readFile } from 'node:fs/promises'

import type { SeedDocument } from '../index.js'
import { EmulatorServerError } from './serverError.js'

/** Reads a `--seed` file. The engine checks the document's contents; this checks it is a JSON object. */
export async function readSeedFile(path: string): Promise<SeedDocument> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new EmulatorServerError('SEED_INVALID', `Cannot read the seed file ${path}: ${(cause as Error).message}`, {
      cause,
    })
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw new EmulatorServerError(
      'SEED_INVALID',
      `The seed file ${path} is not valid JSON: ${(cause as Error).message}`,
      {
        cause,
      },
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EmulatorServerError('SEED_INVALID', `The seed file ${path} must hold a JSON object (a seed document)`)
  }
  return value as SeedDocument
}
