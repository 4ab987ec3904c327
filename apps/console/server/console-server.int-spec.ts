import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadConsoleConfig } from './console-config';
import { createConsoleServer } from './console-server';

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('console server: static app, /api forwarding, health, dev sign-in', () => {
  const seen: {
    method?: string;
    url?: string;
    headers: IncomingMessage['headers'];
    body: string;
  }[] = [];
  let upstream: Server;
  let upstreamUrl: string;
  let consoleServer: Server;
  let base: string;
  let staticDir: string;

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url === '/health/ready') return void res.writeHead(200).end('{}');
        res.writeHead(422, { 'content-type': 'application/json', 'x-correlation-id': 'c-1' });
        res.end(
          JSON.stringify({ statusCode: 422, code: 'SURVEY.INCOMPLETE', message: 'm', fields: [] }),
        );
      });
    });
    upstreamUrl = await listen(upstream);
    staticDir = mkdtempSync(join(tmpdir(), 'console-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log("中央厨房");'.repeat(50));
    writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(staticDir, 'manifest.webmanifest'), '{"name":"中央厨房 配送员"}');
    const config = loadConsoleConfig({
      PORT: '3000',
      CONSOLE_STATIC_DIR: staticDir,
      ORDERS_URL: upstreamUrl,
      PROCUREMENT_URL: upstreamUrl,
      DELIVERY_URL: upstreamUrl,
      AFTERSALES_URL: 'http://127.0.0.1:1', // nothing listens there
      JWT_SECRET: 'a-test-secret-of-length',
    });
    consoleServer = createConsoleServer(config);
    base = await listen(consoleServer);
  });

  afterAll(async () => {
    await close(consoleServer);
    await close(upstream);
  });

  it('forwards /api/<service>/… with method, path, query, body and the caller’s headers, and returns the answer as is', async () => {
    const res = await fetch(`${base}/api/procurement/price-surveys/2026-W50/submit?x=1`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer t0k',
        'content-type': 'application/json',
        'idempotency-key': 'k-1',
        cookie: 'no',
      },
      body: JSON.stringify({ a: 1 }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('x-correlation-id')).toBe('c-1');
    expect(await res.json()).toMatchObject({ code: 'SURVEY.INCOMPLETE' });
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({
      method: 'POST',
      url: '/price-surveys/2026-W50/submit?x=1',
      body: '{"a":1}',
    });
    expect(last.headers).toMatchObject({ authorization: 'Bearer t0k', 'idempotency-key': 'k-1' });
    expect(last.headers.cookie).toBeUndefined();
  });

  it('answers in the services’ error shape for an unknown or unreachable service', async () => {
    const unknown = await fetch(`${base}/api/billing/x`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'CONSOLE.UNKNOWN_SERVICE', fields: [] });
    const down = await fetch(`${base}/api/aftersales/complaints`);
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({
      statusCode: 502,
      code: 'CONSOLE.UPSTREAM_UNAVAILABLE',
    });
  });

  it('is ready only when the app is built and every service is ready, and says which is not', async () => {
    const res = await fetch(`${base}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'unavailable',
      built: true,
      upstreams: { orders: true, procurement: true, delivery: true, aftersales: false },
    });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it("serves the driver app's service worker and manifest uncached, with their types", async () => {
    const sw = await fetch(`${base}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toContain('javascript');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await fetch(`${base}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(await manifest.json()).toEqual({ name: '中央厨房 配送员' });
  });

  it('serves the app: client routes get index.html, assets are gzipped and cached, nothing outside the folder', async () => {
    const route = await fetch(`${base}/aftersales/complaints/c-1`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('id="root"');
    const asset = await fetch(`${base}/assets/app-1234.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    writeFileSync(join(staticDir, '..', 'console-secret.txt'), 'secret');
    const escape = await fetch(`${base}/..%2fconsole-secret.txt`);
    expect(escape.status).toBe(404); // resolved inside the folder, where there is no such file
    expect(await escape.text()).not.toBe('secret');
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const req = get(
        `${base}/assets/app-1234.js`,
        { headers: { 'accept-encoding': 'gzip' } },
        (r: IncomingMessage) => {
          expect(r.headers['content-encoding']).toBe('gzip');
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve(Buffer.concat(chunks)));
        },
      );
      req.on('error', reject);
    });
    expect(gunzipSync(raw).toString()).toContain('中央厨房');
  });

  it('issues development tokens with the field of a bad request, and none in production', async () => {
    const ok = await fetch(`${base}/api/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ role: 'chef', sub: 'chef-chen' }),
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ caller: { role: 'chef', sub: 'chef-chen' } });
    const bad = await fetch(`${base}/api/dev/token`, {
      method: 'POST',
      body: JSON.stringify({ role: 'supplier' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fields: [{ field: 'supplierId' }] });

    const production = createConsoleServer(
      loadConsoleConfig({
        NODE_ENV: 'production',
        CONSOLE_STATIC_DIR: staticDir,
        JWT_SECRET: 'a-test-secret-of-length',
      }),
    );
    const url = await listen(production);
    try {
      const refused = await fetch(`${url}/api/dev/token`, {
        method: 'POST',
        body: '{"role":"chef"}',
      });
      expect(refused.status).toBe(404);
      expect(await (await fetch(`${url}/api/config`)).json()).toMatchObject({ devSignIn: false });
    } finally {
      await close(production);
    }
  });

  it('stops with a message naming a bad variable', () => {
    expect(() => loadConsoleConfig({ PORT: 'x' })).toThrow(/PORT/);
    expect(() => loadConsoleConfig({ ORDERS_URL: 'localhost:3001' })).toThrow(/ORDERS_URL/);
    expect(() => loadConsoleConfig({ CONSOLE_TOKEN_TTL_HOURS: '48' })).toThrow(
      /CONSOLE_TOKEN_TTL_HOURS/,
    );
  });
});
