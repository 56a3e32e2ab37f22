import { describe, expect, it } from 'vitest'

import { Store, type StoreChange } from '../model/store.js'

describe('Store', () => {
  it('reports every write and replays them into an equal state', () => {
    const store = new Store()
    const changes: StoreChange[] = []
    store.subscribe((c) => changes.push(c))
    const users = store.table<{ name: string }>('users')
    users.set('1', { name: 'bob' })
    users.set('2', { name: 'alice' })
    users.delete('1')
    users.delete('missing')
    expect(changes).toEqual([
      { op: 'set', table: 'users', key: '1', value: { name: 'bob' } },
      { op: 'set', table: 'users', key: '2', value: { name: 'alice' } },
      { op: 'delete', table: 'users', key: '1' },
    ])
    const replayed = new Store()
    for (const c of changes) replayed.apply(c)
    expect(replayed.snapshot()).toEqual(store.snapshot())
  })

  it('loads a snapshot without reporting it as writes', () => {
    const store = new Store()
    store.table('t').set('k', 1)
    const copy = new Store()
    const changes: StoreChange[] = []
    copy.subscribe((c) => changes.push(c))
    copy.load(store.snapshot())
    expect(copy.table('t').get('k')).toBe(1)
    expect(changes).toEqual([])
    copy.clear()
    expect(changes).toEqual([{ op: 'clear' }])
    expect(copy.table('t').size).toBe(0)
  })
})
