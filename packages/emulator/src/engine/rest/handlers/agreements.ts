/**
 * An application's agreements (management REST, authing-js-sdk `applications.createAgreement` and
 * siblings): list, create, modify (PUT), delete, sort.
 */
import * as agreements from '../../domain/agreements.js'
import { findApp } from '../../domain/applications.js'
import { AuthingBusinessError } from '../../domain/errors.js'
import { optionalIdList } from '../../http/input.js'
import type { RequestContext } from '../../requestContext.js'
import { agreementView } from '../../views/agreements.js'
import type { RestRoutes } from '../types.js'

const managedApp = async (ctx: RequestContext, id: string | undefined) =>
  findApp(ctx.state, (await ctx.management()).id, id)

/** `{title?, required?, lang?, availableAt?}`, each checked for its type (2231). */
function agreementInput(body: Record<string, unknown>): agreements.AgreementInput {
  const input: agreements.AgreementInput = {}
  const { title, required, lang, availableAt } = body
  if (title !== undefined) {
    if (typeof title !== 'string') throw new AuthingBusinessError('invalidParam', { field: 'title' })
    input.title = title
  }
  if (required !== undefined) {
    if (typeof required !== 'boolean') throw new AuthingBusinessError('invalidParam', { field: 'required' })
    input.required = required
  }
  if (lang !== undefined) {
    if (lang !== 'zh-CN' && lang !== 'en-US') throw new AuthingBusinessError('invalidParam', { field: 'lang' })
    input.lang = lang
  }
  if (availableAt !== undefined && availableAt !== null) {
    if (availableAt !== 0 && availableAt !== 1 && availableAt !== 2)
      throw new AuthingBusinessError('invalidParam', { field: 'availableAt' })
    input.availableAt = availableAt
  }
  return input
}

const agreementId = (raw: string | undefined): number => {
  const id = Number(raw)
  if (!Number.isInteger(id)) throw new AuthingBusinessError('invalidParam', { field: 'agreementId' })
  return id
}

export const agreementRoutes: RestRoutes = {
  'GET /api/v2/applications/:id/agreements': async (ctx, { params }) => {
    const list = agreements.agreementsOf(ctx.state, (await managedApp(ctx, params.id)).id).map(agreementView)
    return { list, totalCount: list.length }
  },
  'POST /api/v2/applications/:id/agreements': async (ctx, request) => {
    const app = await managedApp(ctx, request.params.id)
    return agreementView(agreements.createAgreement(ctx.engine, app, agreementInput(await request.body())))
  },
  'PUT /api/v2/applications/:id/agreements/:agreementId': async (ctx, request) => {
    const app = await managedApp(ctx, request.params.id)
    const agreement = agreements.findAgreement(ctx.state, app, agreementId(request.params.agreementId))
    return agreementView(agreements.modifyAgreement(ctx.engine, agreement, agreementInput(await request.body())))
  },
  'DELETE /api/v2/applications/:id/agreements/:agreementId': async (ctx, { params }) => {
    const app = await managedApp(ctx, params.id)
    agreements.deleteAgreement(ctx.engine, agreements.findAgreement(ctx.state, app, agreementId(params.agreementId)))
    return true
  },
  /** `{ids}`: the app's agreement ids in the order wanted. */
  'POST /api/v2/applications/:id/agreements/sort': async (ctx, request) => {
    const app = await managedApp(ctx, request.params.id)
    agreements.sortAgreements(ctx.engine, app, optionalIdList(await request.body(), 'ids'))
    return true
  },
}
