import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Seconds left until a deadline, ticking once a second while one is set. The deadline is read from
 * the clock on each tick, so a throttled background tab still shows the right number.
 */
export interface Countdown {
  /** Seconds left as of the last tick (what to render). */
  secondsLeft: number
  start(seconds: number): void
  /** Seconds left right now, 0 when none; stable, for event handlers. */
  remaining(): number
}

export function useCountdown(): Countdown {
  const endsAt = useRef<number | null>(null)
  const [now, setNow] = useState(0)
  const [running, setRunning] = useState(false)

  useEffect(() => {
    if (!running) return undefined
    const timer = setInterval(() => {
      const time = Date.now()
      setNow(time)
      if (endsAt.current === null || time >= endsAt.current) {
        endsAt.current = null
        setRunning(false)
      }
    }, 1000)
    return () => clearInterval(timer)
  }, [running])

  const start = useCallback((seconds: number) => {
    const time = Date.now()
    endsAt.current = time + seconds * 1000
    setNow(time)
    setRunning(true)
  }, [])
  const remaining = useCallback(() => secondsUntil(endsAt.current, Date.now()), [])
  const secondsLeft = running ? secondsUntil(endsAt.current, now) : 0
  return { secondsLeft, start, remaining }
}

function secondsUntil(deadline: number | null, now: number): number {
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000))
}
