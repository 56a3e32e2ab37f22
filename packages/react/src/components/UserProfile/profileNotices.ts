/** How a section of the profile reports back: one alert and one status region serve them all. */
export interface ProfileNotices {
  /** Shows a failure in the alert region and tells the app. */
  fail(error: unknown): void
  /** Shows a neutral message (saved, password changed) in the status region. */
  inform(text: string): void
  clear(): void
}
