// One lint config for the workspace. The import boundaries here give editor feedback on a single
// import; the whole-graph rules (cycles, what an entry reaches) live in .dependency-cruiser.cjs.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import simpleImportSort from 'eslint-plugin-simple-import-sort'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const tests = ['**/__tests__/**', '**/*.test.{ts,tsx}', '**/*.stories.tsx', '**/*StoryActions.ts']
const nodeBuiltins = {
  group: ['node:*'],
  message: 'The emulator engine runs in browsers too: Node APIs belong in src/node/.',
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/storybook-static/**',
      '**/.cache/**',
      'bench/out/**',
      'e2e/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'simple-import-sort': simpleImportSort },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // A `let` read by a closure before its one assignment (a request arriving while the server starts) stays a let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/react/**/*.{ts,tsx}', 'examples/**/*.{ts,tsx}', '.storybook/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['packages/client/src/**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: '@authing-kit/client is framework-agnostic: no React.' },
            { name: 'react-dom', message: '@authing-kit/client is framework-agnostic: no React.' },
          ],
          patterns: [
            {
              group: ['@authing-kit/react', '@authing-kit/react/*'],
              message: 'The client never imports React bindings.',
            },
            { group: ['@authing-kit/emulator', '@authing-kit/emulator/*'], message: 'Only tests use the emulator.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/react/src/**/*.{ts,tsx}'],
    ignores: tests,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@authing-kit/client/management', '**/management', '**/management/**'],
              message: 'Browser code never imports the ManagementClient (it carries the pool secret).',
            },
            {
              group: ['@authing-kit/emulator', '@authing-kit/emulator/*'],
              message: 'Only tests and stories use the emulator.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/emulator/src/**/*.ts'],
    ignores: ['packages/emulator/src/node/**', ...tests],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['@authing-kit/client', '@authing-kit/client/*', '@authing-kit/react', '@authing-kit/react/*'],
              message: 'The emulator imports nothing of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read the fields of whatever an operation answers.
    files: tests,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
)
