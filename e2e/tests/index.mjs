// Every browser test, in run order: `{ name, run(t) }`, t = { app, emulator, outDir, newContext, newPage }.
import { accountTests } from './account.mjs'
import { consoleSwitchTests } from './consoleSwitches.mjs'
import { hostedTests } from './hosted.mjs'
import { loginTests } from './login.mjs'
import { qrcodeTests } from './qrcode.mjs'
import { sessionTests } from './session.mjs'
import { stepTests } from './steps.mjs'

export const tests = [
  ...loginTests,
  ...stepTests,
  ...qrcodeTests,
  ...sessionTests,
  ...accountTests,
  ...hostedTests,
  ...consoleSwitchTests,
]
