import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import { sendError } from './responses';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.webmanifest']);

/**
 * Serves the built single-page app: a file when it exists, else index.html (client routes).
 * Text is gzipped when the browser accepts it; hashed assets are cached for a year. Everything
 * else — index.html, the service worker (sw.js, workbox-*.js) and manifest.webmanifest — is
 * `no-cache`, so a new build's service worker is found at once.
 */
export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  urlPath: string,
): void {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root + sep) && file !== root) {
    return sendError(res, 400, 'CONSOLE.BAD_PATH', 'path outside the console');
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (extname(relative)) return sendError(res, 404, 'CONSOLE.NOT_FOUND', `${urlPath} not found`);
    file = join(root, 'index.html');
  }
  if (!existsSync(file)) {
    return sendError(res, 503, 'CONSOLE.NOT_BUILT', 'run npm --prefix apps/console run build');
  }
  const immutable = relative.startsWith('assets/');
  const gzip =
    COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(file);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
}
