/**
 * The emulator's whole state: named tables of JSON values, keyed by string.
 *
 * Every write goes through a table, and every write is reported to subscribers as a `StoreChange`.
 * That single seam is what makes persistence cheap: the Node server appends changes to a journal
 * and replays them on start, instead of rewriting the whole state on every write.
 * Values must be JSON-serialisable and are treated as immutable: replace a record, never mutate it.
 */
export type StoreChange =
  | { op: 'set'; table: string; key: string; value: unknown }
  | { op: 'delete'; table: string; key: string }
  | { op: 'clear' }

/** A point-in-time copy of every table, as plain JSON. */
export interface StoreSnapshot {
  version: 1
  tables: Record<string, Record<string, unknown>>
}

/**
 * Called after each write with the changes that would undo it (computed only when called): a journal
 * that fails to save a write takes it back with them.
 */
export type StoreListener = (change: StoreChange, undo: () => StoreChange[]) => void

/** One table of the store: a string-keyed map whose writes are reported to the store's listeners. */
export interface Table<T> {
  get(key: string): T | undefined
  has(key: string): boolean
  set(key: string, value: T): void
  delete(key: string): boolean
  values(): IterableIterator<T>
  entries(): IterableIterator<[string, T]>
  readonly size: number
}

export class Store {
  readonly #tables = new Map<string, Map<string, unknown>>()
  readonly #listeners = new Set<StoreListener>()

  table<T>(name: string): Table<T> {
    const rows = this.#rows(name)
    const emit = (change: StoreChange, undo: () => StoreChange[]): void => this.#emit(change, undo)
    return {
      get: (key) => rows.get(key) as T | undefined,
      has: (key) => rows.has(key),
      set: (key, value) => {
        const existed = rows.has(key)
        const previous = rows.get(key)
        rows.set(key, value)
        emit({ op: 'set', table: name, key, value }, () => [
          existed ? { op: 'set', table: name, key, value: previous } : { op: 'delete', table: name, key },
        ])
      },
      delete: (key) => {
        const previous = rows.get(key)
        const existed = rows.delete(key)
        if (existed) emit({ op: 'delete', table: name, key }, () => [{ op: 'set', table: name, key, value: previous }])
        return existed
      },
      values: () => rows.values() as IterableIterator<T>,
      entries: () => rows.entries() as IterableIterator<[string, T]>,
      get size() {
        return rows.size
      },
    }
  }

  /** Listen to every write; returns the function that stops listening. */
  subscribe(listener: StoreListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Empties every table (reported as one `clear` change). */
  clear(): void {
    // The cleared maps are dropped, never written again: undoing refills the tables from them.
    const before = [...this.#tables]
    this.#tables.clear()
    this.#emit({ op: 'clear' }, () =>
      before.flatMap(([table, rows]) => [...rows].map(([key, value]) => ({ op: 'set' as const, table, key, value }))),
    )
  }

  /** Makes `change` as an ordinary write, reported to the listeners (unlike `apply`). */
  write(change: StoreChange): void {
    if (change.op === 'clear') this.clear()
    else if (change.op === 'set') this.table(change.table).set(change.key, change.value)
    else this.table(change.table).delete(change.key)
  }

  snapshot(): StoreSnapshot {
    const tables: StoreSnapshot['tables'] = {}
    for (const [name, rows] of this.#tables) tables[name] = Object.fromEntries(rows)
    return { version: 1, tables }
  }

  /** Replaces the whole state with a snapshot, silently: loading is not a write. */
  load(snapshot: StoreSnapshot): void {
    this.#tables.clear()
    for (const [name, rows] of Object.entries(snapshot.tables)) {
      this.#tables.set(name, new Map(Object.entries(rows)))
    }
  }

  /** Re-applies a change read back from a journal, silently. */
  apply(change: StoreChange): void {
    if (change.op === 'clear') this.#tables.clear()
    else if (change.op === 'set') this.#rows(change.table).set(change.key, change.value)
    else this.#rows(change.table).delete(change.key)
  }

  #rows(name: string): Map<string, unknown> {
    let rows = this.#tables.get(name)
    if (!rows) {
      rows = new Map()
      this.#tables.set(name, rows)
    }
    return rows
  }

  #emit(change: StoreChange, undo: () => StoreChange[]): void {
    for (const listener of this.#listeners) listener(change, undo)
  }
}
