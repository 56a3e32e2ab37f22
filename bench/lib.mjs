// Small helpers shared by the benchmarks: timing, percentiles and a printed table.
import { performance } from 'node:perf_hooks'

/**
 * Median of an array of numbers.
 * @param {number[]} values
 */
export function median(values) {
  return percentile(values, 50)
}

/**
 * The p-th percentile (nearest rank) of an array of numbers.
 * @param {number[]} values
 * @param {number} p
 * @returns {number}
 */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return /** @type {number} */ (sorted[rank])
}

/**
 * Mean time per call (ms) of `fn` over `iterations` sequential calls.
 * @param {() => unknown} fn
 * @param {number} iterations
 */
export async function timePerCall(fn, iterations) {
  const started = performance.now()
  for (let i = 0; i < iterations; i++) await fn()
  return (performance.now() - started) / iterations
}

/**
 * Compares `subject` against `baseline` in interleaved rounds, so machine noise hits both alike.
 * Returns the median per-call times and their ratio.
 * @param {object} options
 * @param {() => unknown} options.baseline
 * @param {() => unknown} options.subject
 * @param {number} options.iterations
 * @param {number} [options.rounds]
 * @param {number} [options.warmup]
 */
export async function compare({ baseline, subject, iterations, rounds = 7, warmup = iterations }) {
  await timePerCall(baseline, warmup)
  await timePerCall(subject, warmup)
  const base = []
  const subj = []
  for (let r = 0; r < rounds; r++) {
    base.push(await timePerCall(baseline, iterations))
    subj.push(await timePerCall(subject, iterations))
  }
  const baselineMs = median(base)
  const subjectMs = median(subj)
  return { baselineMs, subjectMs, ratio: subjectMs / baselineMs }
}

/**
 * Prints rows as an aligned plain-text table.
 * @param {string} title
 * @param {string[]} header
 * @param {unknown[][]} rows
 */
export function printTable(title, header, rows) {
  const all = [header, ...rows.map((row) => row.map(String))]
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)))
  /** @param {string[]} row */
  const line = (row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')
  console.log(`\n${title}`)
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row.map(String)))
}
