import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { sendError } from './responses';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built single-page app: a file when it exists, else index.html (client routes). */
export function serveStatic(res: ServerResponse, root: string, urlPath: string): void {
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
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}
