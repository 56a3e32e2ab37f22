/** The default user picture (its URL: ../views/users.ts): a neutral silhouette, cacheable. */
export const avatarSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
<rect width="64" height="64" rx="32" fill="#d8dee9"/><circle cx="32" cy="25" r="11" fill="#8a94a6"/>
<path d="M12 54c3-10 11-15 20-15s17 5 20 15a30 30 0 0 1-40 0z" fill="#8a94a6"/></svg>
`
