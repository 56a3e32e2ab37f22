// The one Chromium every browser suite and bench launches: Debian's, headless. The flags keep it off
// the network it cannot reach here (background updates, sync), which would otherwise fail at every start.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
