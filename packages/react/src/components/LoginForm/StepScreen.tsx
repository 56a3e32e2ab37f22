import type { LoginStep, User } from '@authing-kit/client'
import { lazy, type ReactNode } from 'react'

import type { LoginFormMessages } from './i18n/en-US.js'

// Each step's view is a chunk of its own: a form whose logins never meet a step never downloads it.
const mfaViews = () => import('./steps/MfaStepView.js')
const MfaStepView = lazy(() => mfaViews().then((module) => ({ default: module.MfaStepView })))
const NewRecoveryCode = lazy(() => mfaViews().then((module) => ({ default: module.NewRecoveryCode })))
const PasswordStepView = lazy(() =>
  import('./steps/PasswordStepView.js').then((module) => ({ default: module.PasswordStepView })),
)
const BindIdentityView = lazy(() =>
  import('./steps/BindIdentityView.js').then((module) => ({ default: module.BindIdentityView })),
)
const CompleteProfileView = lazy(() =>
  import('./steps/CompleteProfileView.js').then((module) => ({ default: module.CompleteProfileView })),
)

/** What a login still shows after its first answer: a new recovery code to keep. */
export interface Recovered {
  user: User
  recoveryCode: string
}

/** The heading of the step's screen. */
export function stepTitle(step: LoginStep | null, t: LoginFormMessages): string {
  if (step?.kind === 'completeProfile') return t.completeTitle
  if (step?.kind === 'bindIdentity') return t.bindTitle
  return step?.kind === 'mfa' || !step ? t.mfaTitle : t.passwordStepTitle
}

/** The view of the step a login stopped at (or of the recovery code it left to keep); render it inside a Suspense. */
export function StepScreen(props: {
  step: Exclude<LoginStep, { kind: 'captcha' }> | null
  recovered: Recovered | null
  passwordLevel: number | undefined
}): ReactNode {
  const { step, recovered } = props
  return (
    <>
      {recovered ? (
        <NewRecoveryCode {...recovered} />
      ) : step?.kind === 'mfa' ? (
        <MfaStepView key={step.mfaToken} step={step} />
      ) : step?.kind === 'completeProfile' ? (
        <CompleteProfileView key={step.flowHandle} step={step} />
      ) : step?.kind === 'bindIdentity' ? (
        <BindIdentityView key={step.flowHandle} step={step} />
      ) : step ? (
        <PasswordStepView
          key={step.token}
          step={step}
          {...(props.passwordLevel === undefined ? {} : { level: props.passwordLevel })}
        />
      ) : null}
    </>
  )
}
