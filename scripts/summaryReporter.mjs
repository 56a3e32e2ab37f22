// A vitest reporter that writes every test's project, file, name and outcome to
// .ci-summary/vitest.json, for the closing summary of scripts/test-all.mjs (vitest's own JSON
// report does not say which project ran a test, and the React tests run in two).
import { mkdirSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** @typedef {{ project: string, file: string, name: string, state: string }} SummaryTest one line of vitest.json */

// Browser projects are named after their instance too ('storybook (chromium)').
/** @param {import('vitest/node').TestModule} module */
const projectOf = (module) => module.project.name.replace(/ \(.*\)$/, '')

export default class SummaryReporter {
  /**
   * @param {ReadonlyArray<import('vitest/node').TestModule>} testModules
   * @param {ReadonlyArray<import('vitest/node').SerializedError>} unhandledErrors
   */
  onTestRunEnd(testModules, unhandledErrors) {
    /** @type {SummaryTest[]} */
    const tests = testModules.flatMap((module) =>
      [...module.children.allTests()].map((test) => ({
        project: projectOf(module),
        file: relative(root, module.moduleId),
        name: test.fullName,
        state: test.result().state,
      })),
    )
    // A file that failed to load has no tests: count it as one failure, so it cannot pass unseen.
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) {
        tests.push({
          project: projectOf(module),
          file: relative(root, module.moduleId),
          name: '(the file failed to load)',
          state: 'failed',
        })
      }
    }
    for (const error of unhandledErrors)
      tests.push({
        project: '(vitest)',
        file: '',
        name: `unhandled error: ${error?.message ?? error}`,
        state: 'failed',
      })
    mkdirSync(`${root}/.ci-summary`, { recursive: true })
    writeFileSync(`${root}/.ci-summary/vitest.json`, JSON.stringify(tests, null, 1))
  }
}
