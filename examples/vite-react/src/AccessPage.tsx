import { useAuthorizedResources, useHasRole } from '@authing-kit/react'
import type { ReactNode } from 'react'

import { appId } from './config.js'
import type { Messages } from './messages.js'
import { useRoles } from './useRoles.js'

export function AccessPage({ t }: { t: Messages }): ReactNode {
  const { roles, isLoading: rolesLoading, error: rolesError } = useRoles()
  const { hasRole: isAdmin } = useHasRole('admin')
  const { resources, isLoading: resourcesLoading, error: resourcesError } = useAuthorizedResources(appId)

  return (
    <>
      <section className="card">
        <h1>{t.roles}</h1>
        <p className={isAdmin ? 'badge badge--yes' : 'badge'}>{isAdmin ? t.isAdmin : t.notAdmin}</p>
        {rolesError && (
          <p className="error" role="alert">
            {rolesError.message}
          </p>
        )}
        {rolesLoading ? (
          <p className="muted">{t.loading}</p>
        ) : roles.length === 0 ? (
          <p className="muted">{t.noRoles}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t.code}</th>
                <th>{t.description}</th>
                <th>{t.namespace}</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((role) => (
                <tr key={role.id}>
                  <td>
                    <code>{role.code}</code>
                  </td>
                  <td>{role.description ?? '—'}</td>
                  <td>{role.namespace}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h1>{t.resources}</h1>
        <p className="muted">
          {t.resourcesIn} (<code>{appId}</code>){t.resourcesFrom} <code>useAuthorizedResources(appId)</code>
          {t.end}
        </p>
        {resourcesError && (
          <p className="error" role="alert">
            {resourcesError.message}
          </p>
        )}
        {resourcesLoading ? (
          <p className="muted">{t.loading}</p>
        ) : resources.length === 0 ? (
          <p className="muted">{t.noResources}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t.resource}</th>
                <th>{t.type}</th>
                <th>{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {resources.map((resource) => (
                <tr key={resource.code}>
                  <td>
                    <code>{resource.code}</code>
                  </td>
                  <td>{resource.type ?? '—'}</td>
                  <td>{resource.actions?.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
