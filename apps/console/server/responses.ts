import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Errors in the services' shape: `{ statusCode, code, message, fields }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  fields: { field: string; reason: string }[] = [],
): void {
  sendJson(res, status, { statusCode: status, code, message, fields });
}
