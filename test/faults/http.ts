/** HTTP calls of the fault suite: the services' public API with signed tokens. */
import type { Caller } from '@app/common/auth/roles';
import { signToken } from '@app/common/auth/token';

export const JWT_SECRET = 'fault-suite-secret-0123456789';

export const token = (caller: Caller) => `Bearer ${signToken(caller, JWT_SECRET)}`;
export const staff = (role: Caller['role']) => token({ sub: `${role}-faults`, role });

export async function call(
  url: string,
  method: string,
  auth: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function must(
  what: string,
  done: () => Promise<{ status: number; body: Record<string, unknown> }>,
  ok: number[],
) {
  const res = await done();
  if (!ok.includes(res.status))
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
