import { AuthingError } from './errors.js'

/** A dependency imported on first use; see `lazyModule`. */
export interface LazyModule<T> {
  /** Starts the import on the first call; every later call shares its promise. */
  (): Promise<T>
  /** The value once the import has finished, for hot paths that should not wait a microtask for it. */
  readonly loaded: T | undefined
}

/**
 * Heavy dependencies (graphql-request, node-forge, jose, the protocol helpers) load when first needed,
 * so pages that never use them do not ship or parse them up front. A failed import (a chunk that did
 * not arrive) rejects as `network_error` saying what was being loaded, and is not kept: the next call
 * tries again. `use` turns the module into the value callers want; what it throws is not caught.
 */
export function lazyModule<M>(importModule: () => Promise<M>, what: string): LazyModule<M>
export function lazyModule<M, T>(importModule: () => Promise<M>, what: string, use: (module: M) => T): LazyModule<T>
export function lazyModule<M, T>(
  importModule: () => Promise<M>,
  what: string,
  use?: (module: M) => T,
): LazyModule<M | T> {
  let loading: Promise<M | T> | undefined
  let loaded: M | T | undefined
  const load = () => {
    loading ??= importModule().then(
      (module) => (loaded = use ? use(module) : module),
      (error: unknown) => {
        loading = undefined
        throw new AuthingError('network_error', `Could not load ${what}`, { cause: error })
      },
    )
    return loading
  }
  return Object.defineProperty(load, 'loaded', { get: () => loaded }) as LazyModule<M | T>
}
