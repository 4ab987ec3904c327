import { createHmac } from 'node:crypto';
import { Caller } from './roles';

/** Signs an HS256 JWT for development and tests (production uses the identity provider's tokens). */
export function signToken(caller: Caller, secret: string, ttlSeconds = 12 * 3600): string {
  const encode = (obj: object) => Buffer.from(JSON.stringify(obj)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...caller, iat, exp: iat + ttlSeconds })}`;
  const signature = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${signature}`;
}
