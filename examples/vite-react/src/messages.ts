import type { LoginFormLang } from '@authing-kit/react/login-form'

/** The example's own words (the kit's components bring theirs), in both languages of the switch. */
export const MESSAGES = {
  'en-US': {
    signedInAs: 'Signed in as ',
    pages: 'Pages',
    profileTab: 'Profile',
    accessTab: 'Roles & resources',
    loading: 'Loading…',
    roles: 'Roles',
    isAdmin: 'useHasRole("admin"): yes — admin-only content would show here',
    notAdmin: 'useHasRole("admin"): no',
    noRoles: 'No roles.',
    code: 'Code',
    description: 'Description',
    namespace: 'Namespace',
    resources: 'Authorized resources',
    resourcesIn: "In this app's namespace",
    resourcesFrom: 'from',
    noResources: 'No resources granted.',
    resource: 'Resource',
    type: 'Type',
    actions: 'Actions',
  },
  'zh-CN': {
    signedInAs: '已登录：',
    pages: '页面',
    profileTab: '个人资料',
    accessTab: '角色与资源',
    loading: '加载中…',
    roles: '角色',
    isAdmin: 'useHasRole("admin")：是 — 管理员专属内容会显示在这里',
    notAdmin: 'useHasRole("admin")：否',
    noRoles: '没有角色。',
    code: '代码',
    description: '描述',
    namespace: '命名空间',
    resources: '已授权的资源',
    resourcesIn: '本应用的命名空间',
    resourcesFrom: '来自',
    noResources: '没有授权的资源。',
    resource: '资源',
    type: '类型',
    actions: '操作',
  },
} satisfies Record<LoginFormLang, Record<string, string>>

export type Messages = (typeof MESSAGES)['en-US']
