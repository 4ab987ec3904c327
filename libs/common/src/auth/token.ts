import { createHmac } from 'node:crypto';
import { Caller } from './roles';

/** Lifetime of a development token: short, so a leaked one is soon worthless. */
export const DEV_TOKEN_TTL_SECONDS = 3600;

/** Signs an HS256 JWT for development and tests (production uses the identity provider's tokens). */
export function signToken(
  caller: Caller,
  secret: string,
  ttlSeconds = DEV_TOKEN_TTL_SECONDS,
): string {
  const encode = (obj: object) => Buffer.from(JSON.stringify(obj)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...caller, iat, exp: iat + ttlSeconds })}`;
  const signature = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${signature}`;
}
