// What the scripts' pages keep on `window` for page.evaluate to read back (e2e and bench).
interface Window {
  /** e2e/tests/session.mjs: each login form or loading text that was ever in the document. */
  __flashes?: string[]
  /** bench/react-reload.mjs: performance.now() when the awaited element appeared. */
  __readyAt?: number
  /** e2e/storybook-static.mjs: how the story's play function ended. */
  __storyOutcome?: string
  /** Storybook's preview channel, in its static build. */
  __STORYBOOK_ADDONS_CHANNEL__?: {
    on: (event: string, listener: (payload: StoryEventPayload | undefined) => void) => void
  }
}

/** The fields e2e/storybook-static.mjs reads from the storyFinished / playFunctionThrewException / storyErrored events. */
interface StoryEventPayload {
  status?: string
  message?: string
  title?: string
}
