#!/usr/bin/env node
// `pnpm emulator [options]`: the emulator's CLI, built first when its sources changed (see emulatorCli.mjs).
import { pathToFileURL } from 'node:url'

import { emulatorCli } from './emulatorCli.mjs'

await import(pathToFileURL(emulatorCli()).href)
