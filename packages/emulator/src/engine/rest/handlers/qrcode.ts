/**
 * QR-code login (facts: login-flows §7): the web side generates a code, polls its status and
 * exchanges the ticket; the phone side, logged in to the pool, marks it scanned, then confirms or
 * cancels it. The phone's token comes as `Bearer <token>` (iOS) or bare (Authing's Objective-C sample).
 */
import type { QrCodeScene } from '../../../model/records.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { checkQrCode, expireQrCode, generateQrCode, qrcodeScenes } from '../../domain/qrcode/codes.js'
import { cancelQrCode, confirmQrCode, scanQrCode, standInScanner } from '../../domain/qrcode/phone.js'
import { exchangeTicket } from '../../domain/qrcode/ticket.js'
import { verifyCaller } from '../../domain/sessions/caller.js'
import { requiredString } from '../../http/input.js'
import type { RequestContext } from '../../requestContext.js'
import { restUser } from '../../views/users.js'
import type { RestRoutes } from '../types.js'

async function scanner(ctx: RequestContext) {
  return (await verifyCaller(ctx.engine, ctx.bearer ?? ctx.authorization, null)).user
}

function sceneOf(body: Record<string, unknown>): QrCodeScene {
  const scene = requiredString(body, 'scene')
  if (!qrcodeScenes.includes(scene as QrCodeScene)) throw new AuthingBusinessError('invalidParam', { field: 'scene' })
  return scene as QrCodeScene
}

export const qrcodeRoutes: RestRoutes = {
  /** `{scene, autoMergeQrCode, params?, context?, extIdpConnId?, withCustomData?}`; `params` is customData (an object). */
  'POST /api/v2/qrcode/gene': async (ctx, request) => {
    const body = await request.body()
    const params = body.params
    if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params)))
      throw new AuthingBusinessError('invalidParam', { field: 'params' })
    return generateQrCode(ctx.engine, ctx.app().app, sceneOf(body), (params as Record<string, unknown>) ?? null)
  },
  'GET /api/v2/qrcode/check': async (ctx, request) => {
    const random = request.url.searchParams.get('random')
    if (!random) throw new AuthingBusinessError('invalidParam', { field: 'random' })
    return checkQrCode(ctx.engine, ctx.app().pool.id, random)
  },
  'POST /api/v2/qrcode/userinfo': async (ctx, request) => {
    const ticket = requiredString(await request.body(), 'ticket')
    const { user, token } = exchangeTicket(ctx.engine, ctx.app().pool.id, ticket)
    return restUser(ctx.engine, user, { token })
  },
  'POST /api/v2/qrcode/scanned': async (ctx, request) => {
    const random = requiredString(await request.body(), 'random')
    return scanQrCode(ctx.engine, await scanner(ctx), random)
  },
  'POST /api/v2/qrcode/confirm': async (ctx, request) => {
    const random = requiredString(await request.body(), 'random')
    return confirmQrCode(ctx.engine, await scanner(ctx), random)
  },
  'POST /api/v2/qrcode/cancel': async (ctx, request) => {
    const random = requiredString(await request.body(), 'random')
    return cancelQrCode(ctx.engine, await scanner(ctx), random)
  },
}

/**
 * The dashboard's buttons: `{random, username}` scans as that user; confirm and cancel act as the
 * scanner; expire ends the code's life now.
 */
export const qrcodeHookRoutes: RestRoutes = {
  'POST /__emulator/qrcode/scan': async (ctx, request) => {
    const body = await request.body()
    const random = requiredString(body, 'random')
    const user = standInScanner(ctx.engine, random, requiredString(body, 'username'))
    return scanQrCode(ctx.engine, user, random)
  },
  'POST /__emulator/qrcode/confirm': async (ctx, request) => {
    const random = requiredString(await request.body(), 'random')
    return confirmQrCode(ctx.engine, standInScanner(ctx.engine, random), random)
  },
  'POST /__emulator/qrcode/cancel': async (ctx, request) => {
    const random = requiredString(await request.body(), 'random')
    return cancelQrCode(ctx.engine, standInScanner(ctx.engine, random), random)
  },
  'POST /__emulator/qrcode/expire': async (ctx, request) => {
    const random = requiredString(await request.body(), 'random')
    expireQrCode(ctx.engine, random)
    return { random, status: -1, description: 'expired' }
  },
}
