/**
 * The logged-in user's own account: `user`, `updateUser`, `updatePassword`, `resetPassword`,
 * bind/unbind/update of phone and email. Results carry the caller's current token (the JS SDK
 * stores whatever `token` comes back, and null would log it out).
 */
import type { UserRecord } from '../../../model/users.js'
import { successMessage } from '../../domain/errors.js'
import * as profile from '../../domain/profile.js'
import type { Caller } from '../../domain/sessions/caller.js'
import { adminUpdateUser } from '../../domain/users.js'
import type { RequestContext } from '../../requestContext.js'
import { graphqlUser } from '../../views/users.js'
import type { RootResolvers } from '../types.js'

function show(ctx: RequestContext, caller: Caller, user: UserRecord): Record<string, unknown> {
  return graphqlUser(ctx.engine, user, { token: { token: caller.token, exp: caller.exp } })
}

/** Runs a change to the caller's own account and shows the result with the caller's token. */
async function own(
  ctx: RequestContext,
  change: (user: UserRecord) => UserRecord | Promise<UserRecord>,
): Promise<Record<string, unknown>> {
  const caller = await ctx.caller()
  return show(ctx, caller, await change(caller.user))
}

export const profileResolvers: RootResolvers = {
  /** No id: the bearer's user. Another user's id: 1001, unless an administrator asks (unknown: 2004). */
  async user(args: { id?: string | null }, ctx) {
    const { user, caller } = await ctx.subject(args.id)
    return caller ? show(ctx, caller, user) : graphqlUser(ctx.engine, user)
  },

  /** The caller's profile fields; an administrator may change any user's identifiers and password too. */
  async updateUser(args: { id?: string | null; input: profile.ProfileInput }, ctx) {
    const subject = await ctx.subject(args.id)
    if (!subject.caller) return graphqlUser(ctx.engine, await adminUpdateUser(ctx.engine, subject.user, args.input))
    return show(ctx, subject.caller, profile.updateOwnProfile(ctx.engine, subject.caller.user, args.input))
  },

  async updatePassword(args: { newPassword: string; oldPassword?: string | null }, ctx) {
    const caller = await ctx.caller()
    const changed = await profile.changePassword(
      ctx.engine,
      caller.user,
      args.newPassword,
      args.oldPassword,
      caller.token,
    )
    return show(ctx, caller, changed)
  },

  async resetPassword(args: Parameters<typeof profile.resetPassword>[2], ctx) {
    await profile.resetPassword(ctx.engine, ctx.app().pool, args)
    return { code: 200, message: successMessage('passwordReset', ctx.lang) }
  },

  bindPhone: (args: Parameters<typeof profile.bindPhone>[2], ctx) =>
    own(ctx, (user) => profile.bindPhone(ctx.engine, user, args)),
  unbindPhone: (_args: Record<string, never>, ctx) => own(ctx, (user) => profile.unbindPhone(ctx.engine, user)),
  bindEmail: (args: Parameters<typeof profile.bindEmail>[2], ctx) =>
    own(ctx, (user) => profile.bindEmail(ctx.engine, user, args)),
  unbindEmail: (_args: Record<string, never>, ctx) => own(ctx, (user) => profile.unbindEmail(ctx.engine, user)),
  updatePhone: (args: Parameters<typeof profile.updatePhone>[2], ctx) =>
    own(ctx, (user) => profile.updatePhone(ctx.engine, user, args)),
  updateEmail: (args: Parameters<typeof profile.updateEmail>[2], ctx) =>
    own(ctx, (user) => profile.updateEmail(ctx.engine, user, args)),
}
