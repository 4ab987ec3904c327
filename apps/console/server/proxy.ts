import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { sendError } from './responses';

const FORWARDED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'idempotency-key',
  'x-correlation-id',
];

/** Forwards one request to `upstream + path`, streaming both bodies; 502 when unreachable. */
export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: string,
  path: string,
): void {
  const target = new URL(path, upstream);
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (req.headers['content-length']) headers['content-length'] = req.headers['content-length'];
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const out = send(target, { method: req.method, headers, timeout: 30_000 }, (upstreamRes) => {
    const passed: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(upstreamRes.headers)) {
      if (v !== undefined && !['connection', 'transfer-encoding', 'keep-alive'].includes(k)) {
        passed[k] = v;
      }
    }
    res.writeHead(upstreamRes.statusCode ?? 502, passed);
    upstreamRes.pipe(res);
  });
  out.on('timeout', () => out.destroy(new Error('upstream timed out')));
  out.on('error', (e) => {
    if (!res.headersSent) {
      sendError(res, 502, 'CONSOLE.UPSTREAM_UNAVAILABLE', `${upstream}: ${e.message}`);
    } else res.destroy();
  });
  req.pipe(out);
}
