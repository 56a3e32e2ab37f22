import type { ReactNode } from 'react'

import type { Notices } from './useNotices.js'

/** The live regions screen readers announce: failures as alerts, everything else as status. */
export function NoticeRegions({ notices }: { notices: Notices }): ReactNode {
  return (
    <>
      <p className="ak-login__alert" role="alert">
        {notices.alert}
      </p>
      <p className="ak-login__status" role="status">
        {notices.status}
      </p>
    </>
  )
}
