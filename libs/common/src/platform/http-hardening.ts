import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from '../errors/error-response.filter';
import type { FieldProblem } from '../errors/domain-error';

/** Largest JSON body accepted; a larger one is 413. */
export const BODY_LIMIT = '100kb';
/** Deepest nesting of a JSON body; no DTO comes near it, and deeper input only costs stack. */
export const MAX_JSON_DEPTH = 32;
/**
 * Routes (method POST, path matched) that take raw image bytes instead of JSON: a service lists
 * them under this token and reads and bounds the body itself. Everything else stays JSON-only.
 */
export const BINARY_UPLOAD_ROUTES = Symbol('BINARY_UPLOAD_ROUTES');
const BINARY_TYPES = /^(image\/(png|jpeg)|application\/octet-stream)\s*(;|$)/i;

/** Keys that would reach an object's prototype; refused rather than silently dropped. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The edge of every service's HTTP server, before any handler: no `X-Powered-By` banner, a JSON
 * body or none (another content type is 415), at most BODY_LIMIT (413), a parse error without
 * the raw input echoed back, no nesting beyond MAX_JSON_DEPTH, no `null` values (omit a field
 * instead) and no prototype keys. Every refusal has the shared error body.
 */
export function hardenHttp(app: INestApplication, binaryRoutes: RegExp[] = []): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.use(singleQueryValues);
  express.use(onlyJsonBodies(binaryRoutes));
  express.useBodyParser('json', { limit: BODY_LIMIT });
  express.use(parserErrors);
  express.use(checkJsonShape);
}

/** `?status=a&status=b` is refused by name rather than reaching a handler as an array. */
function singleQueryValues(req: Request, res: Response, next: NextFunction): void {
  const repeated = Object.entries(req.query ?? {}).find(([, v]) => typeof v !== 'string');
  if (repeated) {
    const field = repeated[0];
    send(res, 400, 'VALIDATION.FAILED', `${field}: give it once, as a single value`, [
      { field, reason: 'given more than once, or with brackets' },
    ]);
    return;
  }
  next();
}

function onlyJsonBodies(binaryRoutes: RegExp[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const length = Number(req.headers['content-length'] ?? 0);
    const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
    const type = req.headers['content-type'] ?? '';
    const binary =
      req.method === 'POST' &&
      BINARY_TYPES.test(type) &&
      binaryRoutes.some((route) => route.test(req.path));
    if (hasBody && !binary && !/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
      send(res, 415, 'HTTP.UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json', [
        { field: '(body)', reason: `content type ${type || '(none)'} is not application/json` },
      ]);
      return;
    }
    next();
  };
}

function parserErrors(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = error as { status?: number; type?: string };
  if (e?.type === 'entity.too.large' || e?.status === 413) {
    send(res, 413, 'HTTP.PAYLOAD_TOO_LARGE', `the body is larger than ${BODY_LIMIT}`, []);
  } else if (e?.type === 'entity.parse.failed') {
    send(res, 400, 'VALIDATION.MALFORMED_JSON', 'the body is not valid JSON', [
      { field: '(body)', reason: 'not valid JSON' },
    ]);
  } else if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    send(res, e.status, 'HTTP.BAD_BODY', 'the body could not be read', [
      { field: '(body)', reason: e.type ?? 'unreadable' },
    ]);
  } else {
    next(error);
  }
}

function checkJsonShape(req: Request, res: Response, next: NextFunction): void {
  const problem = shapeProblem(req.body);
  if (problem) {
    send(res, 400, 'VALIDATION.FAILED', `${problem.field}: ${problem.reason}`, [problem]);
    return;
  }
  next();
}

/** Walks the parsed body without recursion (a 50,000-deep array must not cost the stack). */
export function shapeProblem(body: unknown): FieldProblem | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const stack: [unknown, string, number][] = [[body, '', 1]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH)
      return { field: path || '(body)', reason: `nested deeper than ${MAX_JSON_DEPTH} levels` };
    for (const [key, child] of Object.entries(value as object)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { field, reason: `the key ${key} is not allowed` };
      if (child === null) return { field, reason: 'must not be null; omit the field instead' };
      if (typeof child === 'object') stack.push([child, field, depth + 1]);
    }
  }
  return undefined;
}

function send(
  res: Response,
  statusCode: number,
  code: string,
  message: string,
  fields: FieldProblem[],
): void {
  const body: ErrorBody = { statusCode, code, message, fields };
  res.status(statusCode).json(body);
}
