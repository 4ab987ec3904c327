import { toApiError } from '../lib/api-error';
import type { Role, Session } from '../lib/roles';

const KEY = 'console.session';

export function currentSession(): Session | null {
  const raw = localStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (new Date(session.expiresAt).getTime() <= Date.now()) {
    localStorage.removeItem(KEY);
    return null;
  }
  return session;
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

/** Asks the console server's development issuer for a token of the chosen caller. */
export async function devSignIn(request: {
  role: Role;
  sub?: string;
  canteenId?: string;
  supplierId?: string;
  driverId?: string;
}): Promise<Session> {
  const res = await fetch('/api/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as {
    token: string;
    expiresAt: string;
    caller: Omit<Session, 'token' | 'expiresAt'>;
  };
  if (!res.ok) throw toApiError(res.status, body);
  return { token: body.token, expiresAt: body.expiresAt, ...body.caller };
}
