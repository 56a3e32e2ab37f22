/**
 * An object of async methods whose code loads on the first call: `authing.mfa.verifyTotpMfa(…)`
 * costs an app that never calls it only this function. Not a thenable (`then` is undefined), so
 * `await authing.mfa` is the namespace itself.
 */
export function lazyNamespace<T extends object>(load: () => Promise<T>): T {
  return new Proxy({} as T, {
    get: (_, name) =>
      name === 'then' || typeof name === 'symbol'
        ? undefined
        : (...args: unknown[]) =>
            load().then((target) => (target[name as keyof T] as (...a: unknown[]) => unknown).apply(target, args)),
  })
}
