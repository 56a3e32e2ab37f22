// @vitest-environment jsdom
import { useQuery } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { version } from 'react'
import { version as domVersion } from 'react-dom'
import { describe, expect, it } from 'vitest'

import { useAuth } from '../index.js'
import { startAuthing } from './testAuthing.js'

// The React test matrix: each vitest project says which React major it runs (vitest.config.ts).
describe('the React version under test', () => {
  it('is the one this project is for, for React, React DOM and the libraries rendering through them', async () => {
    const major = process.env.EXPECTED_REACT_MAJOR
    expect(version.split('.')[0]).toBe(major)
    expect(domVersion.split('.')[0]).toBe(major)
    const authing = await startAuthing()
    function Probe() {
      const status = useAuth((auth) => auth.status)
      const { data } = useQuery({ queryKey: ['probe'], queryFn: () => 'react-query' })
      return <p>{`${status} ${data ?? ''}`}</p>
    }
    render(<Probe />, { wrapper: authing.wrapper() })
    expect((await screen.findByText('anonymous react-query')).textContent).toBe('anonymous react-query')
  })
})
