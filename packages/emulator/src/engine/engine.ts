/** The engine's long-lived services, shared by every request, and what the emulator says about itself. */
import type { TokenSigner } from '../model/crypto.js'
import type { OutboxMessage } from '../model/records.js'
import type { FlowUser } from '../model/seed.js'
import type { EmulatorState } from '../model/state.js'

export interface EngineSettings {
  appHost: string
  passwordIterations: number
  tokenLifetimeSeconds: number
  managementTokenLifetimeSeconds: number
  codeLifetimeSeconds: number
  codeResendIntervalSeconds: number
  codeMaxAttempts: number
  maxPendingCodes: number
  maxFailures: number
  lockoutWindowSeconds: number
  legacyLoginErrors: boolean
  now: () => number
}

export interface Engine {
  readonly state: EmulatorState
  readonly settings: EngineSettings
  readonly tokens: TokenSigner
  readonly publicKeyPem: string
  /** null when the ciphertext is not a PKCS#1 v1.5 encryption under our key */
  decryptPassword(ciphertext: string): string | null
  notify(message: OutboxMessage): void
}

export interface EmulatorInfo {
  userPoolId: string
  userPoolSecret: string
  appId: string
  appSecret: string
  appHost: string
  demoUser: { username: string; password: string; email?: string; phone?: string } | null
  /** Seeded users whose login meets a step (second factor, …), with what it is. */
  flowUsers: FlowUser[]
}
