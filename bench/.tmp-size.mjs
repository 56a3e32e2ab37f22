import { measureBundles, renderApp } from './bundleSize.mjs'
const IDS = 'appId="62a0f0a9c6b1c2a3d4e5f6a0" appHost="https://example.authing.cn"'
const [m] = await measureBundles({ p: renderApp(`import { AuthingProvider, useAuth } from '@authing-kit/react'
function Status() { return <p>{useAuth((auth) => auth.user?.nickname) ?? 'anonymous'}</p> }`, `<AuthingProvider ${IDS}><Status /></AuthingProvider>`) })
console.log(m.initial)
