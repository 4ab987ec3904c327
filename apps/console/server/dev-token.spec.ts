import { createHmac } from 'node:crypto';
import { issueDevToken } from './dev-token';

const SECRET = 'a-test-secret-of-length';
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('console development sign-in tokens', () => {
  it('issues an HS256 token with the role, scope claim and a bounded exp', () => {
    const now = new Date('2026-12-02T08:00:00Z');
    const r = issueDevToken(
      { role: 'supplier', supplierId: 'sup-1', sub: 'li' },
      SECRET,
      8 * 3600,
      now,
    );
    if (!r.ok) throw new Error(r.reason);
    const [head, body, sig] = r.token.split('.');
    expect(createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url')).toBe(sig);
    const claims = claimsOf(r.token);
    expect(claims).toMatchObject({ sub: 'li', role: 'supplier', supplierId: 'sup-1' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(8 * 3600);
    expect(r.expiresAt).toBe('2026-12-02T16:00:00.000Z');
  });

  it('refuses an unknown role and a scoped role without its id, naming the field', () => {
    expect(issueDevToken({ role: 'root' }, SECRET, 60)).toMatchObject({ ok: false, field: 'role' });
    expect(issueDevToken({ role: 'driver' }, SECRET, 60)).toMatchObject({
      ok: false,
      field: 'driverId',
    });
    const staff = issueDevToken({ role: 'buyer' }, SECRET, 60);
    expect(staff.ok && staff.caller).toEqual({ sub: 'buyer-1', role: 'buyer' });
  });
});
