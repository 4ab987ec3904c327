/**
 * Test data through the services' public HTTP APIs (via the console server), signed in with the
 * console's development token issuer: what the journeys need to exist before a person works.
 */
import { systemInfo, type ServiceName } from './system';

export interface Who {
  role: string;
  sub?: string;
  canteenId?: string;
  supplierId?: string;
  driverId?: string;
}

const tokens = new Map<string, string>();

export async function tokenFor(who: Who): Promise<string> {
  const key = JSON.stringify(who);
  const cached = tokens.get(key);
  if (cached) return cached;
  const res = await fetch(`${systemInfo().consoleUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: key,
  });
  if (!res.ok) throw new Error(`dev token for ${key}: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  tokens.set(key, token);
  return token;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status} ${JSON.stringify(body)}`);
  }
}

export async function api<T = unknown>(
  who: Who,
  service: ServiceName,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${systemInfo().consoleUrl}/api/${service}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenFor(who)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new HttpProblem(res.status, parsed, `${method} ${service}${path}`);
  return parsed as T;
}

/** Retries `probe` until it stops throwing: for state that travels over Kafka. */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export const STAFF = {
  buyer: { role: 'buyer', sub: 'buyer-wang' },
  opsManager: { role: 'ops-manager', sub: 'ops-zhang' },
  accountant: { role: 'cost-accountant', sub: 'acc-li' },
  chef: { role: 'chef', sub: 'chef-chen' },
  keeper: { role: 'warehouse', sub: 'wh-zhao' },
  dispatcher: { role: 'dispatcher', sub: 'dispatcher-li' },
  agent: { role: 'aftersales', sub: 'agent-chen' },
  lead: { role: 'aftersales-lead', sub: 'lead-sun' },
} as const satisfies Record<string, Who>;

/** A canteen registered in orders (its copy reaches the other services over Kafka). */
export async function aCanteen(name: string): Promise<string> {
  const { id } = await api<{ id: string }>(STAFF.opsManager, 'orders', 'POST', '/canteens', {
    name,
    address: '上海市浦东新区张江路 100 号',
    contact: { name: '王经理', phone: '13800000000' },
    receivingWindow: { from: '00:00', to: '23:59' },
  });
  return id;
}
