// The import rules of the workspace, checked over the whole graph by `pnpm boundaries` (part of the test
// command). scripts/__tests__/boundaries.test.ts shows each rule failing on a tree that breaks it.
const tests = '(/__tests__/|\\.test\\.tsx?$|\\.stories\\.tsx$|StoryActions\\.ts$)'
const engine = '^packages/emulator/src/engine/'
const handlers = `${engine}(graphql/resolvers|rest/handlers|oidc/endpoints)/`

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included: every module can be read (and loaded) before its importers.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'react-no-management',
      comment: '@authing-kit/react runs in browsers; the ManagementClient carries the pool secret.',
      severity: 'error',
      from: { path: '^packages/react/src/', pathNot: tests },
      to: { path: '^packages/client/(src|dist)/management' },
    },
    {
      name: 'react-no-emulator',
      comment: 'Only tests and stories of @authing-kit/react use the emulator.',
      severity: 'error',
      from: { path: '^packages/react/src/', pathNot: tests },
      to: { path: '^packages/emulator/' },
    },
    {
      name: 'client-main-no-management',
      comment: "The client's main entry never reaches the management code, however indirectly.",
      severity: 'error',
      from: { path: '^packages/client/src/index\\.ts$' },
      to: { path: '^packages/client/src/management', reachable: true },
    },
    {
      name: 'client-no-react-or-emulator',
      comment: '@authing-kit/client is framework-agnostic and never depends on the emulator outside its tests.',
      severity: 'error',
      from: { path: '^packages/client/src/', pathNot: tests },
      to: { path: '^(packages/(react|emulator)/|node_modules/(react|react-dom)/)' },
    },
    {
      name: 'emulator-imports-nothing-of-ours',
      comment: 'The emulator stands in for Authing: it never uses our client or React code.',
      severity: 'error',
      from: { path: '^packages/emulator/src/', pathNot: tests },
      to: { path: '^packages/(client|react)/' },
    },
    {
      name: 'emulator-engine-no-node',
      comment: 'The engine runs in browsers (Storybook, demos): node:* belongs in src/node/.',
      severity: 'error',
      from: { path: '^packages/emulator/src/(engine|model)/|^packages/emulator/src/index\\.ts$', pathNot: tests },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'emulator-model-below-engine',
      comment: 'model/ (records, store, seed, crypto primitives) is the bottom layer.',
      severity: 'error',
      from: { path: '^packages/emulator/src/model/' },
      to: { path: '^packages/emulator/src/(engine|node)/' },
    },
    {
      name: 'emulator-domain-holds-rules-only',
      comment: 'domain/ holds the rules; the wire (GraphQL, REST, OIDC, pages, HTTP) and the shapes sit above it.',
      severity: 'error',
      from: { path: `${engine}domain/` },
      to: { path: `${engine}(graphql|rest|oidc|ui|http|views)/` },
    },
    {
      name: 'emulator-views-shape-only',
      comment: 'views/ shape records for the wire; they call no handler.',
      severity: 'error',
      from: { path: `${engine}views/` },
      to: { path: `${engine}(graphql|rest|oidc|ui|http)/` },
    },
    {
      name: 'emulator-ui-renders-only',
      comment: 'ui/ renders pages from records and views; it calls no handler.',
      severity: 'error',
      from: { path: `${engine}ui/` },
      to: { path: `${engine}(graphql|rest|oidc|http)/` },
    },
    {
      name: 'emulator-handlers-independent',
      comment: 'A resolver, REST handler or OIDC endpoint never imports another: shared rules go to domain/.',
      severity: 'error',
      from: { path: handlers },
      to: { path: handlers },
    },
    {
      name: 'emulator-wire-layers-apart',
      comment: 'GraphQL, REST and OIDC translate the wire for the domain; none calls another.',
      severity: 'error',
      from: { path: `${engine}(graphql|rest|oidc)/` },
      to: { path: `${engine}(graphql|rest|oidc)/`, pathNot: `${engine}$1/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|storybook-static)/|^(e2e|bench)/out/|/[.]cache/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      conditionNames: ['@authing-kit/source', 'import', 'types', 'default'],
    },
  },
}
