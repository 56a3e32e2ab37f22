import * as fsp from 'node:fs/promises'
import { readFile } from 'node:fs/promises'

import { describe, expect, it } from 'vitest'

import { isEmulatorServerError, journalPathOf, startEmulatorServer } from '../node/index.js'
import { readDataFile } from '../node/readDataFile.js'
import { checkLoginStatus, loginByUsername, logout, registerByUsername } from './fixtures/authingHttp.js'
import { useDataServers } from './fixtures/dataServers.js'

const data = useDataServers('server-data-')
const { start, stop } = data

describe('the server with --data', () => {
  it('writes the initial state when the data file does not exist yet', async () => {
    const { server } = await start()
    const snapshot = JSON.parse(await readFile(data.dataFile, 'utf8')) as { version: number; tables: object }
    expect(snapshot.version).toBe(1)
    expect(snapshot.tables).toEqual(server.emulator.store.snapshot().tables)
  })

  it('keeps users, revoked tokens, ids and keys across a clean restart', async () => {
    const first = await start()
    const info = first.server.emulator.info()
    await registerByUsername(first.target, 'carol', 'c4rol-pass')
    const { token } = await loginByUsername(first.target, 'carol', 'c4rol-pass')
    if (!token) throw new Error('no token')
    expect((await checkLoginStatus(first.target, token)).status).toBe(true)
    expect(await logout(first.target, token)).toBe(200)
    expect((await checkLoginStatus(first.target, token)).status).toBe(false)
    await stop(first.server)
    expect(await readFile(journalPathOf(data.dataFile), 'utf8')).toBe('')

    const second = await start()
    // appHost follows the (random) port; every id and secret must be the same.
    expect({ ...second.server.emulator.info(), appHost: '' }).toEqual({ ...info, appHost: '' })
    expect(second.target.publicKeyPem).toBe(first.target.publicKeyPem)
    expect((await checkLoginStatus(second.target, token)).status).toBe(false)
    expect((await loginByUsername(second.target, 'carol', 'c4rol-pass')).username).toBe('carol')
  })

  it('has every answered write on disk before the answer, without a clean stop', async () => {
    const { target } = await start()
    const carol = await registerByUsername(target, 'carol', 'c4rol-pass')
    // Read while the server still runs, as a restart after a crash right after answering would.
    expect(await readFile(journalPathOf(data.dataFile), 'utf8')).toContain(carol.id)
    const { state } = await readDataFile(data.dataFile, fsp)
    expect(JSON.stringify(state)).toContain('"carol"')
  })

  it('refuses a second server on the same data file', async () => {
    await start()
    const error = await startEmulatorServer({ port: 0, dataFile: data.dataFile, log: () => {} }).catch(
      (e: unknown) => e,
    )
    expect(isEmulatorServerError(error) && error.code).toBe('DATA_LOCKED')
  })

  it('journals POST /__emulator/reset, so the reset survives a restart', async () => {
    const first = await start()
    await registerByUsername(first.target, 'dave', 'd4ve-pass')
    const reset = await fetch(`${first.server.url}/__emulator/reset`, {
      method: 'POST',
      headers: { 'x-authing-emulator': '1' },
    })
    expect(reset.status).toBe(200)
    await expect(loginByUsername(first.target, 'dave', 'd4ve-pass')).rejects.toThrow()
    await stop(first.server)
    const second = await start()
    await expect(loginByUsername(second.target, 'dave', 'd4ve-pass')).rejects.toThrow()
    expect((await loginByUsername(second.target, 'bob', 'passw0rd')).username).toBe('bob')
  })
})
