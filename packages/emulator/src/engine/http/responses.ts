/** JSON answers, with the CORS headers of the request. */
export function json(body: unknown, status: number, headers: Headers): Response {
  const out = new Headers(headers)
  out.set('content-type', 'application/json; charset=utf-8')
  return new Response(JSON.stringify(body), { status, headers: out })
}
