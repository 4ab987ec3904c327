import { Caller, Role, ROLES, SCOPE_CLAIM } from '@app/common/auth/roles';
import { signToken } from '@app/common/auth/token';

export interface DevTokenRequest {
  role?: unknown;
  sub?: unknown;
  canteenId?: unknown;
  supplierId?: unknown;
  driverId?: unknown;
}

export type DevTokenResult =
  | { ok: true; token: string; expiresAt: string; caller: Caller }
  | { ok: false; field: string; reason: string };

/** A development token for the sign-in page: the caller it names, valid for `ttlSeconds`. */
export function issueDevToken(
  body: DevTokenRequest,
  secret: string,
  ttlSeconds: number,
  now: Date = new Date(),
): DevTokenResult {
  const role = body.role as Role;
  if (!ROLES.includes(role))
    return { ok: false, field: 'role', reason: `one of ${ROLES.join(', ')}` };
  const sub = typeof body.sub === 'string' && body.sub.trim() ? body.sub.trim() : `${role}-1`;
  const caller: Caller = { sub, role };
  const claim = SCOPE_CLAIM[role];
  if (claim) {
    const value = body[claim];
    if (typeof value !== 'string' || !value.trim()) {
      return { ok: false, field: claim, reason: `a ${role} signs in with its ${claim}` };
    }
    caller[claim] = value.trim();
  }
  const token = signToken(caller, secret, ttlSeconds);
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + ttlSeconds * 1000);
  return { ok: true, token, expiresAt: expiresAt.toISOString(), caller };
}
