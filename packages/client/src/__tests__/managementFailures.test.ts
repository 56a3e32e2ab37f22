import { describe, expect, it } from 'vitest'

import { isAuthingError } from '../index.js'
import { BOB_ID } from './testEmulator.js'
import { startManagement } from './testManagement.js'

const NO_SUCH_ID = '000000000000000000000000'

describe('every ManagementClient method fails cleanly on bad input', () => {
  it('answers a typed AuthingError, never a crash or a silent success', async () => {
    const { admin, info } = await startManagement()
    await admin.groups.create('staff', 'Staff')
    const app = info.appId
    const calls: Record<string, () => Promise<unknown>> = {
      'users.exists': () => admin.users.exists({}),
      'users.removeRoles': () => admin.users.removeRoles(BOB_ID, ['no-such-role']),
      'users.hasRole': () => admin.users.hasRole(NO_SUCH_ID, 'admin'),
      'users.getUdfValue': () => admin.users.getUdfValue(''),
      'users.removeUdfValue': () => admin.users.removeUdfValue(BOB_ID, ''),
      'users.listGroups': () => admin.users.listGroups(NO_SUCH_ID),
      'users.removeGroup': () => admin.users.removeGroup(BOB_ID, 'no-such-group'),
      'roles.deleteMany': () => admin.roles.deleteMany([]),
      'roles.update': () => admin.roles.update('no-such-role', { description: 'x' }),
      'roles.detail': () => admin.roles.detail(''),
      'roles.removeUsers': () => admin.roles.removeUsers('admin', []),
      'groups.delete': () => admin.groups.delete('no-such-group'),
      'groups.update': () => admin.groups.update('no-such-group', { name: 'x' }),
      'groups.detail': () => admin.groups.detail(''),
      'groups.list': () => admin.groups.list(1, 81),
      'groups.listUsers': () => admin.groups.listUsers(''),
      'groups.addUsers': () => admin.groups.addUsers('no-such-group', [BOB_ID]),
      'groups.removeUsers': () => admin.groups.removeUsers('staff', []),
      'udf.set': () => admin.udf.set('USER', '', 'STRING', 'x'),
      'udf.list': () => admin.udf.list('NOT_A_TARGET' as never),
      'acl.listResources': () => admin.acl.listResources({ limit: 81 }),
      'acl.updateResource': () => admin.acl.updateResource('no-such-resource', { namespace: app }),
      'acl.getResourceByCode': () => admin.acl.getResourceByCode({ namespace: '', code: 'book' }),
      'acl.allow': () => admin.acl.allow('', 'book', 'read', app),
      'acl.listAuthorizedResources': () => admin.acl.listAuthorizedResources('USER', NO_SUCH_ID, app),
      'acl.listNamespaces': () => admin.acl.listNamespaces(1, 81),
      'acl.createNamespace': () => admin.acl.createNamespace('', 'x'),
      'acl.updateNamespace': () => admin.acl.updateNamespace('no-such-namespace', { name: 'x' }),
      'applications.list': () => admin.applications.list({ limit: 81 }),
      'applications.create': () => admin.applications.create({ name: '', identifier: 'x' }),
      'applications.delete': () => admin.applications.delete(NO_SUCH_ID),
      'applications.refreshApplicationSecret': () => admin.applications.refreshApplicationSecret(NO_SUCH_ID),
      'applications.createResource': () =>
        admin.applications.createResource(app, { code: 'x', type: 'DATA', actions: [] }),
      'applications.updateResource': () =>
        admin.applications.updateResource(app, { code: 'no-such-resource', description: 'x' }),
      'applications.createRole': () => admin.applications.createRole(app, { code: '' }),
      'applications.deleteRole': () => admin.applications.deleteRole(app, 'no-such-role'),
      'applications.deleteRoles': () => admin.applications.deleteRoles(app, []),
      'applications.updateRole': () => admin.applications.updateRole(app, { code: 'no-such-role', description: 'x' }),
      'applications.findRole': () => admin.applications.findRole(app, ''),
      'applications.getRoles': () => admin.applications.getRoles(app, { limit: 81 }),
      'applications.getUsersByRoleCode': () => admin.applications.getUsersByRoleCode(app, ''),
      'applications.addUsersToRole': () => admin.applications.addUsersToRole(app, 'no-such-role', [BOB_ID]),
      'applications.removeUsersFromRole': () => admin.applications.removeUsersFromRole(app, 'x', []),
      'applications.listAuthorizedResourcesByRole': () => admin.applications.listAuthorizedResourcesByRole(app, ''),
      checkLoginStatus: () => admin.checkLoginStatus(''),
    }
    const outcomes: Record<string, unknown> = {}
    for (const [name, call] of Object.entries(calls)) {
      const error = await call().then(
        (value) => ({ resolved: value }),
        (e: unknown) => e,
      )
      outcomes[name] = isAuthingError(error) ? (typeof error.code === 'number' ? 'server error' : error.code) : error
    }
    for (const [name, outcome] of Object.entries(outcomes)) {
      expect(['server error', 'invalid_argument'], `${name} → ${JSON.stringify(outcome)}`).toContain(outcome)
    }
  })
})
