import { useSyncExternalStore } from 'react'

const subscribe = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange)
  return () => document.removeEventListener('visibilitychange', onChange)
}
const isVisible = () => document.visibilityState !== 'hidden'
// A server render has no tab to hide.
const onServer = () => true

/** Whether the page's tab is shown (false while it is in the background or minimised). */
export function useDocumentVisible(): boolean {
  return useSyncExternalStore(subscribe, isVisible, onServer)
}
