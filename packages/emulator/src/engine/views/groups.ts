/** How a group is shown in GraphQL (`Group`); its `users` and `authorizedResources` are resolved per type. */
import type { GroupRecord } from '../../model/records.js'
import { type Shown, withRecord } from './record.js'

export function groupView(group: GroupRecord): Shown<GroupRecord> {
  return withRecord(
    {
      code: group.code,
      name: group.name,
      description: group.description,
      createdAt: group.createdAt,
      updatedAt: group.updatedAt,
    },
    group,
  )
}
