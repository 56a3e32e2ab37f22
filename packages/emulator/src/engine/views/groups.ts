/** How a group is shown in GraphQL (`Group`); its `users` and `authorizedResources` are resolved per type. */
import { withRecord, type Shown } from './record.js'
import type { GroupRecord } from '../../model/records.js'

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
