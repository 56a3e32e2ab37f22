import type { EmulatorInfo, OutboxMessage } from '../index.js'

export interface BannerFacts {
  url: string
  info: EmulatorInfo
  dataFile?: string | undefined
}

/** What the CLI prints once listening: where it is, the ids, the demo login and ready-to-paste .env lines. */
export function formatBanner({ url, info, dataFile }: BannerFacts): string {
  const demo = info.demoUser ? `${info.demoUser.username} / ${info.demoUser.password}` : '(none in this seed)'
  const rows: [string, string][] = [
    ['URL', url],
    ['Dashboard', `${url}/   (users, apps, the SMS / email codes sent; the phone of QR-code login)`],
    ['User pool', info.userPoolId],
    ['Pool secret', info.userPoolSecret],
    ['App id', info.appId],
    ['App host', `${info.appHost}   (id_token iss: ${info.appHost}/oidc)`],
    ['Demo login', demo],
    // Clients that encrypt passwords themselves need the key for a private deployment.
    ['Public key', `curl -s ${url}/api/v2/.well-known   (the password key: enc_public_key of the Python SDK)`],
    ...info.flowUsers.map(({ username, password, meets }): [string, string] => [
      'Also try',
      `${username} / ${password}   (meets ${meets})`,
    ]),
    [
      'Data',
      dataFile ? `${dataFile} (durable; journal ${dataFile}.journal)` : 'in memory only (use --data FILE to keep it)',
    ],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  return [
    '',
    `  Authing emulator is running on ${url}`,
    '',
    ...rows.map(([label, value]) => `    ${label.padEnd(width)}  ${value}`),
    '',
    '  Browser apps (.env):',
    `    VITE_AUTHING_APP_ID=${info.appId}`,
    `    VITE_AUTHING_APP_HOST=${info.appHost}`,
    '',
    '  Server only (.env; never ship these to a browser):',
    `    AUTHING_USERPOOL_ID=${info.userPoolId}`,
    `    AUTHING_USERPOOL_SECRET=${info.userPoolSecret}`,
    '',
    '  SMS and email codes are printed below as they are sent. Ctrl+C stops the emulator.',
    '',
  ].join('\n')
}

/** One line per code "sent", so a developer can type it in. */
export function formatMessage(message: OutboxMessage): string {
  const time = new Date(message.sentAt).toTimeString().slice(0, 8)
  const channel = message.channel === 'sms' ? 'SMS  ' : 'Email'
  const minutes = Math.max(0, Math.round((message.expiresAt - message.sentAt) / 60_000))
  return `  [${time}] ${channel} to ${message.to}: code ${message.code}  (scene ${message.scene}, valid ${minutes} min)`
}
