/**
 * Issue 12, finding 2: tokens nobody outside can mint. Every token carries `exp` within
 * JWT_MAX_TTL_SECONDS; in production the shared development secret is refused, and tokens of
 * the identity provider (RS256 / ES256) are verified against its JWKS with issuer and audience.
 * The JWKS is served by this test from keys it generates.
 */
import { JwtService } from '@nestjs/jwt';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { DEV_JWT_SECRET, loadServiceConfig } from '@app/common';
import { newNamespace, startTestService, TestService } from '@app/common/testing';
import { OrdersAppModule } from '../apps/orders/src/app.module';

const jwt = new JwtService();
const now = () => Math.floor(Date.now() / 1000);
const claims = { sub: 'ops-1', role: 'ops-manager' };

describe('bearer tokens (issue 12, finding 2)', () => {
  describe('shared-secret mode (development)', () => {
    let orders: TestService;
    beforeAll(async () => {
      orders = await startTestService(OrdersAppModule, {
        service: 'orders',
        namespace: newNamespace(),
      });
    });
    afterAll(() => orders?.close({ drop: true }));

    const call = (token: string) =>
      orders.http().get('/canteens').set('Authorization', `Bearer ${token}`);
    const hs256 = (payload: object) =>
      jwt.sign(payload, { secret: DEV_JWT_SECRET, algorithm: 'HS256', noTimestamp: true });

    it('accepts a short-lived token', async () => {
      await call(hs256({ ...claims, iat: now(), exp: now() + 3600 })).expect(200);
    });

    it('refuses a token without exp, and one valid for ten years', async () => {
      const noExp = await call(hs256({ ...claims, iat: now() })).expect(401);
      expect(noExp.body).toMatchObject({
        code: 'AUTH.UNAUTHENTICATED',
        message: 'token must carry exp',
      });
      const tenYears = await call(hs256({ ...claims, iat: now(), exp: now() + 10 * 365 * 86400 }));
      expect(tenYears.status).toBe(401);
      expect((tenYears.body as { message: string }).message).toMatch(/lifetime exceeds 86400/);
      // A made-up recent iat does not stretch the lifetime either.
      await call(
        hs256({ ...claims, iat: now() + 9 * 365 * 86400, exp: now() + 10 * 365 * 86400 }),
      ).expect(401);
    });

    it('refuses an expired token, another secret and alg none', async () => {
      await call(hs256({ ...claims, iat: now() - 7200, exp: now() - 3600 })).expect(401);
      const other = jwt.sign(
        { ...claims, exp: now() + 60 },
        { secret: 'another-secret-of-16-chars' },
      );
      await call(other).expect(401);
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ ...claims, exp: now() + 60 }),
      ).toString('base64url')}.`;
      await call(none).expect(401);
    });
  });

  describe('JWKS mode (production): RS256 and ES256 from the identity provider', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const issuer = 'https://id.example.test/';
    const audience = 'central-kitchen';
    let jwksServer: Server;
    let orders: TestService;

    const jwk = (key: KeyObject, kid: string, alg: string) => ({
      ...key.export({ format: 'jwk' }),
      kid,
      alg,
      use: 'sig',
    });
    const sign = (
      privateKey: KeyObject,
      kid: string,
      algorithm: 'RS256' | 'ES256',
      payload: object,
    ) =>
      jwt.sign(
        Object.fromEntries(
          Object.entries({
            ...claims,
            iat: now(),
            exp: now() + 600,
            iss: issuer,
            aud: audience,
            ...payload,
          }).filter(([, v]) => v !== undefined),
        ),
        {
          privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
          algorithm,
          keyid: kid,
          noTimestamp: true,
        },
      );
    const call = (token: string) =>
      orders.http().get('/canteens').set('Authorization', `Bearer ${token}`);

    beforeAll(async () => {
      const keys = {
        keys: [jwk(rsa.publicKey, 'rsa-1', 'RS256'), jwk(ec.publicKey, 'ec-1', 'ES256')],
      };
      jwksServer = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(keys));
      });
      await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
      const { port } = jwksServer.address() as AddressInfo;
      orders = await startTestService(OrdersAppModule, {
        service: 'orders',
        namespace: newNamespace(),
        config: {
          NODE_ENV: 'production',
          JWT_SECRET: undefined,
          JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
          JWT_ISSUER: issuer,
          JWT_AUDIENCE: audience,
        },
      });
    });
    afterAll(async () => {
      await orders?.close({ drop: true });
      await new Promise((resolve) => jwksServer?.close(resolve));
    });

    it('accepts RS256 and ES256 tokens signed by the provider', async () => {
      await call(sign(rsa.privateKey, 'rsa-1', 'RS256', {})).expect(200);
      await call(sign(ec.privateKey, 'ec-1', 'ES256', {})).expect(200);
    });

    it('refuses another issuer, another audience, a key not in the set, and missing exp', async () => {
      await call(sign(rsa.privateKey, 'rsa-1', 'RS256', { iss: 'https://evil.test/' })).expect(401);
      await call(sign(rsa.privateKey, 'rsa-1', 'RS256', { aud: 'someone-else' })).expect(401);
      await call(sign(stranger.privateKey, 'rsa-1', 'RS256', {})).expect(401);
      await call(sign(stranger.privateKey, 'rsa-9', 'RS256', {})).expect(401);
      await call(sign(rsa.privateKey, 'rsa-1', 'RS256', { exp: undefined })).expect(401);
    });

    it('refuses shared-secret tokens, also signed with the development secret', async () => {
      const dev = jwt.sign({ ...claims, exp: now() + 600 }, { secret: DEV_JWT_SECRET });
      const res = await call(dev).expect(401);
      expect((res.body as { message: string }).message).toMatch(
        /shared-secret tokens are not accepted/,
      );
    });
  });

  it('production refuses to start without a configured key, or with the development secret', () => {
    expect(() => loadServiceConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET or JWT_JWKS_URL: production needs a configured token key/,
    );
    expect(() => loadServiceConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      /development secret is not accepted in production/,
    );
    expect(() =>
      loadServiceConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://id.example.test/jwks' }),
    ).toThrow(/JWT_ISSUER and JWT_AUDIENCE: required with JWT_JWKS_URL/);
    expect(
      loadServiceConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-from-the-vault' })
        .DOCS_ENABLED,
    ).toBe(false);
    expect(loadServiceConfig({}).JWT_SECRET).toBe(DEV_JWT_SECRET);
  });
});
