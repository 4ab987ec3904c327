import { ApiError, toApiError } from '../lib/api-error';
import { currentSession } from '../auth/session';

export type Service = 'orders' | 'procurement' | 'delivery' | 'aftersales';
type Query = Record<string, string | number | boolean | undefined>;

/** One call to a service through the console server, with the signed-in caller's token. */
export async function call<T>(
  service: Service,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: { body?: unknown; query?: Query; headers?: Record<string, string> } = {},
): Promise<T> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(options.query ?? {})) {
    if (v !== undefined && v !== '') search.set(k, String(v));
  }
  const qs = search.toString();
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const session = currentSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api/${service}${path}${qs ? `?${qs}` : ''}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text for the error */
  }
  if (!res.ok) throw toApiError(res.status, parsed);
  return parsed as T;
}

export const enc = encodeURIComponent;
export { ApiError };
