/**
 * GraphQL over the emulator: Authing's schema built once from its SDL, and an executor that routes
 * root fields to the resolver map. Any root field without a resolver answers a business error
 * naming it; Authing's business errors leave as `errors[].message = {code, message, data}` objects.
 */
import {
  buildSchema,
  defaultFieldResolver,
  type DocumentNode,
  execute,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  parse,
  validate,
} from 'graphql'

import { AuthingBusinessError, type Lang } from '../domain/errors.js'
import { checkStringLengths } from '../http/input.js'
import type { RequestContext } from '../requestContext.js'
import { assertWithinLimits } from './limits.js'
import { authResolvers } from './resolvers/auth.js'
import { codeResolvers } from './resolvers/codes.js'
import { groupFields } from './resolvers/groupFields.js'
import { managementAclResolvers } from './resolvers/managementAcl.js'
import { managementGroupResolvers } from './resolvers/managementGroups.js'
import { managementRoleResolvers } from './resolvers/managementRoles.js'
import { managementTokenResolvers } from './resolvers/managementToken.js'
import { managementUdfResolvers } from './resolvers/managementUdf.js'
import { managementUserpoolResolvers } from './resolvers/managementUserpool.js'
import { managementUserResolvers } from './resolvers/managementUsers.js'
import { profileResolvers } from './resolvers/profile.js'
import { roleFields } from './resolvers/roleFields.js'
import { udfResolvers } from './resolvers/udf.js'
import { userFields } from './resolvers/userFields.js'
import { authingSchemaSdl } from './schema.graphql.js'
import type { FieldResolvers, RootResolvers } from './types.js'

const rootResolvers: RootResolvers = {
  ...authResolvers,
  ...profileResolvers,
  ...codeResolvers,
  ...udfResolvers,
  ...managementTokenResolvers,
  ...managementUserResolvers,
  ...managementRoleResolvers,
  ...managementAclResolvers,
  ...managementGroupResolvers,
  ...managementUdfResolvers,
  ...managementUserpoolResolvers,
}

/** Computed fields of object types, by type name; every other field is read off its view. */
const typeResolvers: Record<string, FieldResolvers> = { User: userFields, Role: roleFields, Group: groupFields }

let schema: GraphQLSchema | undefined
/** Built on first use (about 20 ms) and shared: the schema is immutable. */
export function authingSchema(): GraphQLSchema {
  schema ??= buildSchema(authingSchemaSdl)
  return schema
}

const fieldResolver: GraphQLFieldResolver<unknown, RequestContext> = (source, args, ctx, info) => {
  const isRoot = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType()
  if (!isRoot) {
    const fields = typeResolvers[info.parentType.name]
    const computed = fields && Object.hasOwn(fields, info.fieldName) ? fields[info.fieldName] : undefined
    return computed ? computed(source as never, args as never, ctx) : defaultFieldResolver(source, args, ctx, info)
  }
  const resolver = Object.hasOwn(rootResolvers, info.fieldName) ? rootResolvers[info.fieldName] : undefined
  if (!resolver) throw new AuthingBusinessError('notSupported', { field: info.fieldName })
  checkStringLengths(args, '')
  return resolver(args as never, ctx)
}

export interface GraphqlRequest {
  query: string
  variables: Record<string, unknown> | null
  operationName: string | null
}

type ErrorMessage = { code: number; message: string; data?: unknown }
export interface GraphqlResponse {
  data?: unknown
  errors?: { message: ErrorMessage; locations?: unknown; path?: unknown }[]
}

// Clients send the same few documents over and over; parsing and validating each costs more than
// executing a login's resolver, so valid documents are kept (bounded, oldest dropped first).
const documentCache = new Map<string, DocumentNode>()
const DOCUMENT_CACHE_SIZE = 500

export async function runGraphql(request: GraphqlRequest, ctx: RequestContext): Promise<GraphqlResponse> {
  let document = documentCache.get(request.query)
  if (!document) {
    try {
      document = parse(request.query)
    } catch (error) {
      return { errors: [toAuthingError(error as GraphQLError, ctx.lang)] }
    }
    try {
      assertWithinLimits(document)
    } catch (error) {
      if (!(error instanceof AuthingBusinessError)) throw error
      return { errors: [{ message: error.toBody(ctx.lang) }] }
    }
    const validationErrors = validate(authingSchema(), document)
    if (validationErrors.length) return { errors: validationErrors.map((e) => toAuthingError(e, ctx.lang)) }
    if (documentCache.size >= DOCUMENT_CACHE_SIZE) documentCache.delete(documentCache.keys().next().value as string)
    documentCache.set(request.query, document)
  }
  const result: ExecutionResult = await execute({
    schema: authingSchema(),
    document,
    contextValue: ctx,
    variableValues: request.variables,
    operationName: request.operationName,
    fieldResolver,
  })
  const response: GraphqlResponse = { data: result.data ?? null }
  if (result.errors?.length) response.errors = result.errors.map((e) => toAuthingError(e, ctx.lang))
  return response
}

/** graphql-js errors carry string messages; Authing's SDKs read `message.code`, so every error gets one. */
function toAuthingError(error: GraphQLError, lang: Lang): NonNullable<GraphqlResponse['errors']>[number] {
  const original = error.originalError
  let message: ErrorMessage
  if (original instanceof AuthingBusinessError) message = original.toBody(lang)
  else if (original && !(original instanceof GraphQLError)) {
    console.error('[authing-emulator] internal error', original)
    message = new AuthingBusinessError('internal').toBody(lang)
  } else message = new AuthingBusinessError('badRequest', { reason: error.message }).toBody(lang)
  const out: NonNullable<GraphqlResponse['errors']>[number] = { message }
  if (error.locations) out.locations = error.locations
  if (error.path) out.path = error.path
  return out
}
