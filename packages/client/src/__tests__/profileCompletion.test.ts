import { defaultSeed, type SeedDocument } from '@authing-kit/emulator'
import { describe, expect, it } from 'vitest'

import { type CompleteProfileStep, loginStepOf } from '../index.js'
import { startEmulator } from './testEmulator.js'

const appId = '62a0f0a9c6b1c2a3d4e5f630'

function completionSeed(skip: boolean): SeedDocument {
  const seed = structuredClone(defaultSeed)
  seed.applications = [
    {
      id: appId,
      name: 'Profile',
      extendsFields: [
        { type: 'internal', name: 'email', label: 'Email', required: true },
        { type: 'internal', name: 'nickname', label: 'Nickname', required: true },
        { type: 'user', name: 'school', label: 'School' },
      ],
      skipComplateFileds: skip,
    },
  ]
  seed.users = [{ username: 'bare', password: 'passw0rd' }]
  return seed
}

async function startCompletion(skip = false) {
  const setup = await startEmulator({ seed: completionSeed(skip) })
  const authing = setup.client({ appId })
  const stepOf = async (): Promise<CompleteProfileStep> => {
    const error = await authing.loginByUsername('bare', 'passw0rd').catch((e: unknown) => e)
    const step = loginStepOf(error)
    if (step?.kind !== 'completeProfile') throw new Error(`expected a completion step, got ${String(error)}`)
    return step
  }
  return { ...setup, authing, stepOf }
}

describe('profile completion at login', () => {
  it('the step lists typed fields; completeProfile with a verified email makes the session', async () => {
    const { authing, stepOf, emulator, requests } = await startCompletion()
    const step = await stepOf()
    expect(step).toMatchObject({ kind: 'completeProfile', code: 1642, flowHandle: expect.any(String), skip: false })
    expect(step.fields).toEqual([
      expect.objectContaining({ name: 'email', type: 'email', required: true, needsCode: true }),
      expect.objectContaining({ name: 'nickname', type: 'string', required: true, needsCode: false }),
      expect.objectContaining({ name: 'school', label: 'School', required: false, options: [] }),
    ])
    expect(authing.getSnapshot().user).toBeNull()

    await authing.sendEmail('bare@example.com', 'INFORMATION_COMPLETION_VERIFY_CODE')
    const code = emulator.outbox({ to: 'bare@example.com' }).at(-1)?.code ?? ''
    const user = await authing.completeProfile(step, [
      { name: 'email', value: 'bare@example.com', code },
      { name: 'nickname', value: 'Bare' },
      { name: 'school', value: '' },
    ])
    expect(user).toMatchObject({
      username: 'bare',
      email: 'bare@example.com',
      nickname: 'Bare',
      token: expect.stringMatching(/^ey/),
    })
    expect(authing.getSnapshot()).toMatchObject({ user: { username: 'bare' }, token: user.token })
    const sent = JSON.parse(requests.at(-1)?.body ?? '{}') as Record<string, unknown>
    expect(sent).toEqual({
      action: 'complete-completion',
      flowHandle: step.flowHandle,
      data: {
        fieldValues: [
          { name: 'email', value: 'bare@example.com', code },
          { name: 'nickname', value: 'Bare' },
        ],
      },
    })
    // filled in: the next login goes straight through
    expect(await authing.loginByUsername('bare', 'passw0rd')).toMatchObject({ nickname: 'Bare' })
  })

  it('refuses a missing required field, a wrong code, and skipping where the app does not allow it, without a session', async () => {
    const { authing, stepOf, emulator } = await startCompletion()
    const step = await stepOf()
    const missing = await authing.completeProfile(step, [{ name: 'nickname', value: 'Bare' }]).catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 2231 })
    await authing.sendEmail('bare@example.com', 'INFORMATION_COMPLETION_VERIFY_CODE')
    const code = emulator.outbox({ to: 'bare@example.com' }).at(-1)?.code ?? ''
    const wrong = code === '000000' ? '111111' : '000000'
    const values = [
      { name: 'email', value: 'bare@example.com', code: wrong },
      { name: 'nickname', value: 'Bare' },
    ]
    expect(await authing.completeProfile(step, values).catch((e: unknown) => e)).toMatchObject({ code: 2001 })
    expect(authing.getSnapshot().user).toBeNull()
    const skipped = await authing.skipProfileCompletion(step).catch((e: unknown) => e)
    expect(skipped).toMatchObject({ code: 2231 })
  })

  it('skipProfileCompletion logs in where the app allows it', async () => {
    const { authing, stepOf } = await startCompletion(true)
    const step = await stepOf()
    expect(step.skip).toBe(true)
    expect(await authing.skipProfileCompletion(step)).toMatchObject({ username: 'bare', token: expect.any(String) })
    expect(authing.getSnapshot().user).toMatchObject({ username: 'bare' })
    await authing.logout()
    expect((await stepOf()).kind).toBe('completeProfile')
  })
})
