/** How a role is shown in GraphQL (`Role`); its `parent`, `users` and `authorizedResources` are resolved per type. */
import type { RoleRecord } from '../../model/records.js'
import { type Shown, withRecord } from './record.js'

export function roleView(role: RoleRecord): Shown<RoleRecord> {
  return withRecord(
    {
      id: role.id,
      namespace: role.namespace,
      code: role.code,
      arn: `arn:cn:authing:${role.userPoolId}:role:${role.id}`,
      description: role.description,
      isSystem: false,
      createdAt: role.createdAt,
      updatedAt: role.updatedAt,
    },
    role,
  )
}
