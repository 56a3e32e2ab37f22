import { useAuthorizedResources, useHasRole } from '@authing-kit/react'
import type { ReactNode } from 'react'
import { appId } from './config.js'
import { useRoles } from './useRoles.js'

export function AccessPage(): ReactNode {
  const { roles, isLoading: rolesLoading, error: rolesError } = useRoles()
  const { hasRole: isAdmin } = useHasRole('admin')
  const { resources, isLoading: resourcesLoading, error: resourcesError } = useAuthorizedResources(appId)

  return (
    <>
      <section className="card">
        <h1>Roles</h1>
        <p className={isAdmin ? 'badge badge--yes' : 'badge'}>
          {isAdmin ? 'useHasRole("admin"): yes — admin-only content would show here' : 'useHasRole("admin"): no'}
        </p>
        {rolesError && <p className="error" role="alert">{rolesError.message}</p>}
        {rolesLoading ? (
          <p className="muted">Loading…</p>
        ) : roles.length === 0 ? (
          <p className="muted">No roles.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Code</th>
                <th>Description</th>
                <th>Namespace</th>
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
        <h1>Authorized resources</h1>
        <p className="muted">
          In this app's namespace (<code>{appId}</code>), from <code>useAuthorizedResources(appId)</code>.
        </p>
        {resourcesError && <p className="error" role="alert">{resourcesError.message}</p>}
        {resourcesLoading ? (
          <p className="muted">Loading…</p>
        ) : resources.length === 0 ? (
          <p className="muted">No resources granted.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Resource</th>
                <th>Type</th>
                <th>Actions</th>
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
