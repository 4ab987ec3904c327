import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ConsoleConfig, UPSTREAM_SERVICES, type UpstreamService } from './console-config';
import { issueDevToken } from './dev-token';
import { forward } from './proxy';
import { sendError, sendJson } from './responses';
import { serveStatic } from './static-files';

/** The console's HTTP server: static SPA, `/api/<service>/…` forwarding, health, dev tokens. */
export function createConsoleServer(config: ConsoleConfig): Server {
  return createServer((req, res) => {
    handle(config, req, res).catch((e: Error) => {
      if (!res.headersSent) sendError(res, 500, 'CONSOLE.INTERNAL', e.message);
      else res.destroy();
    });
  });
}

async function handle(config: ConsoleConfig, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://console');
  const path = url.pathname;
  if (path === '/health/live') return sendJson(res, 200, { status: 'ok' });
  if (path === '/health/ready') return ready(config, res);
  if (path === '/api/dev/token') return devToken(config, req, res);
  if (path === '/api/config') {
    return sendJson(res, 200, { devSignIn: config.devTokens, services: UPSTREAM_SERVICES });
  }
  const api = /^\/api\/([a-z]+)(\/.*)?$/.exec(path);
  if (api) {
    const service = api[1] as UpstreamService;
    if (!UPSTREAM_SERVICES.includes(service)) {
      return sendError(res, 404, 'CONSOLE.UNKNOWN_SERVICE', `no service ${api[1]}`);
    }
    return forward(req, res, config.upstreams[service], `${api[2] ?? '/'}${url.search}`);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendError(res, 405, 'CONSOLE.METHOD_NOT_ALLOWED', `${req.method} ${path}`);
  }
  serveStatic(req, res, config.staticDir, path);
}

async function ready(config: ConsoleConfig, res: ServerResponse) {
  const built = existsSync(join(config.staticDir, 'index.html'));
  const upstreams = Object.fromEntries(
    await Promise.all(
      UPSTREAM_SERVICES.map(async (svc) => [svc, await isReady(config.upstreams[svc])] as const),
    ),
  );
  const ok = built && Object.values(upstreams).every(Boolean);
  sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', built, upstreams });
}

async function isReady(upstream: string): Promise<boolean> {
  try {
    const r = await fetch(`${upstream}/health/ready`, { signal: AbortSignal.timeout(3000) });
    return r.ok;
  } catch {
    return false;
  }
}

async function devToken(config: ConsoleConfig, req: IncomingMessage, res: ServerResponse) {
  if (!config.devTokens) {
    return sendError(res, 404, 'CONSOLE.NOT_FOUND', 'development sign-in is off in production');
  }
  if (req.method !== 'POST') return sendError(res, 405, 'CONSOLE.METHOD_NOT_ALLOWED', 'POST only');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
  } catch {
    return sendError(res, 400, 'CONSOLE.BAD_JSON', 'the body must be JSON');
  }
  const result = issueDevToken(body, config.jwtSecret, config.tokenTtlSeconds);
  if (!result.ok) {
    return sendError(res, 400, 'CONSOLE.TOKEN_REQUEST_INVALID', result.reason, [
      { field: result.field, reason: result.reason },
    ]);
  }
  sendJson(res, 201, { token: result.token, expiresAt: result.expiresAt, caller: result.caller });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 10_000) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
