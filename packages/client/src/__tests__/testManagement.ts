/** Shared by the management tests: the emulator, an administrator, and end users to check effects with. */
import { ManagementClient, type ManagementClientOptions } from '../management.js'
import { startEmulator } from './testEmulator.js'

export async function startManagement(options: Parameters<typeof startEmulator>[0] = {}) {
  const setup = await startEmulator(options)
  const { info, recordingFetch } = setup
  const management = (overrides: Partial<ManagementClientOptions> = {}) =>
    new ManagementClient({
      userPoolId: info.userPoolId,
      secret: info.userPoolSecret,
      host: info.appHost,
      fetch: recordingFetch,
      ...overrides,
    })
  const tokenRequests = () => setup.requests.filter((request) => request.body.includes('accessToken(')).length
  return { ...setup, management, admin: management(), tokenRequests }
}
