import { AuthingProvider } from '@authing-kit/react'
import type { Decorator } from '@storybook/react-vite'

import { authingOf } from './storyAuthing.js'

/** Renders the story inside an `<AuthingProvider>` talking to the story's own emulator. */
export const withAuthing: Decorator = (Story, context) => {
  const authing = authingOf(context)
  const { appId, appHost } = authing.info
  return (
    <AuthingProvider
      key={authing.id}
      appId={appId}
      appHost={appHost}
      fetch={authing.network.fetch}
      {...(authing.timeout === undefined ? {} : { timeout: authing.timeout })}
    >
      <Story />
    </AuthingProvider>
  )
}
