// Every browser test, in run order: `{ name, run(t) }`, t = { app, emulator, outDir, newContext, newPage }.
import { accountTests } from './account.mjs'
import { hostedTests } from './hosted.mjs'
import { loginTests } from './login.mjs'
import { mfaTests } from './mfa.mjs'
import { sessionTests } from './session.mjs'

export const tests = [...loginTests, ...mfaTests, ...sessionTests, ...accountTests, ...hostedTests]
