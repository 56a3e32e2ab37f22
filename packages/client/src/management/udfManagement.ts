import * as udf from '../documents/management/udf.js'
import type { SignalOptions } from '../options.js'
import { requireString } from '../requestParams.js'
import type { CommonMessage } from '../types.js'
import type { ManagementContext } from './managementContext.js'
import type { UserDefinedField } from './types.js'

type UdfTargetType = 'USER' | 'ROLE' | 'GROUP' | 'ORG' | 'NODE' | 'USERPOOL' | 'PERMISSION' | 'APPLICATION'

/** `management.udf`: the custom fields a pool defines for users, roles and other targets. */
export class UdfManagement {
  constructor(private readonly context: ManagementContext) {}

  /** Defines (or redefines) a custom field. */
  set(
    targetType: UdfTargetType,
    key: string,
    dataType: UserDefinedField['dataType'],
    label: string,
    options: SignalOptions & { options?: string } = {},
  ): Promise<UserDefinedField> {
    return this.context.run(async () => {
      const variables = {
        targetType,
        key: requireString('key', key),
        dataType,
        label: requireString('label', label),
        options: options.options,
      }
      return (await this.context.graphql<{ setUdf: UserDefinedField }>(udf.setUdfDocument, variables, options)).setUdf
    })
  }

  remove(targetType: UdfTargetType, key: string, options: SignalOptions = {}): Promise<CommonMessage> {
    return this.context.run(async () => {
      const data = await this.context.graphql<{ removeUdf: CommonMessage | null }>(
        udf.removeUdfDocument,
        { targetType, key: requireString('key', key) },
        options,
      )
      return data.removeUdf ?? { code: 200, message: null }
    })
  }

  list(targetType: UdfTargetType, options: SignalOptions = {}): Promise<UserDefinedField[]> {
    return this.context.run(
      async () =>
        (await this.context.graphql<{ udf: UserDefinedField[] }>(udf.udfDocument, { targetType }, options)).udf,
    )
  }
}
