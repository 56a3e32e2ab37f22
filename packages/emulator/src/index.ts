export { Store } from './engine/store.js'
