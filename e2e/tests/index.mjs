// Every browser test, in run order: `{ name, run(t) }`, t = { app, emulator, outDir, newContext, newPage }.
import { accountTests } from './account.mjs'
import { consoleSwitchTests } from './consoleSwitches.mjs'
import { hostedTests } from './hosted.mjs'
import { loginTests } from './login.mjs'
import { passkeyTests } from './passkey.mjs'
import { qrcodeTests } from './qrcode.mjs'
import { sessionTests } from './session.mjs'
import { socialTests } from './social.mjs'
import { stepTests } from './steps.mjs'

export const tests = [
  ...loginTests,
  ...stepTests,
  ...qrcodeTests,
  ...socialTests,
  ...passkeyTests,
  ...sessionTests,
  ...accountTests,
  ...hostedTests,
  ...consoleSwitchTests,
]
