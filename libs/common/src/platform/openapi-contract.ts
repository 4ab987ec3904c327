import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  responses?: Record<string, unknown>;
  requestBody?: unknown;
  security?: unknown[];
  'x-roles'?: string[];
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const ERROR_SCHEMA = {
  type: 'object',
  description: 'Every error answer: a stable code, a message and the offending fields',
  required: ['statusCode', 'code', 'message', 'fields'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    code: { type: 'string', example: 'VALIDATION.FAILED' },
    message: { type: 'string' },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: { field: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
};

/** What each error status means on any authenticated operation. */
const ERRORS: Record<string, string> = {
  '400': 'invalid input; `fields` names each offending field',
  '401': 'missing, invalid or expired bearer token',
  '403': 'the caller’s role may not do this',
  '404': 'not found, or not the caller’s (a canteen, supplier or driver sees only its own)',
  '409': 'the record changed meanwhile, or the request conflicts with its state',
  '422': 'a business rule refuses the request (`code` says which)',
};
const BODY_ERRORS: Record<string, string> = {
  '413': 'the body is larger than 100 kB',
  '415': 'the body is not application/json',
};

/**
 * Completes the generated document: the shared error schema on every authenticated operation's
 * error answers, and no bearer requirement on the public ones (health).
 */
export function completeContract(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ErrorResponse: ERROR_SCHEMA };
  const ref = { $ref: '#/components/schemas/ErrorResponse' };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = (path as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      if (!op['x-roles']) {
        op.security = [];
        continue;
      }
      const errors = { ...ERRORS, ...(op.requestBody ? BODY_ERRORS : {}) };
      op.responses ??= {};
      for (const [status, description] of Object.entries(errors)) {
        op.responses[status] ??= { description, content: { 'application/json': { schema: ref } } };
      }
    }
  }
  return document;
}
