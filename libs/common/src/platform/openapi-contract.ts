import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

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
  withValidationRules(document);
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

type JsonSchema = {
  $ref?: string;
  type?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
};

/**
 * The request DTOs' class-validator rules, written into their schemas: what the server checks is
 * what the document says (patterns, enums, bounds, lengths, integers, no unknown fields), so a
 * client — and the fuzzer — can tell valid input from invalid before sending it. Only rules the
 * schema can state exactly are copied; looser ones (dates, URLs) stay plain strings.
 */
function withValidationRules(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  // class-validator keeps its metadata by class; the schema names are the class names.
  const byClass = (
    getMetadataStorage() as unknown as {
      validationMetadatas: Map<new (...args: never[]) => unknown, ValidationMetadata[]>;
    }
  ).validationMetadatas;
  const classes = new Map([...byClass.keys()].map((c) => [c.name, c]));
  for (const name of requestSchemaNames(document, schemas)) {
    const schema = schemas[name];
    const target = classes.get(name);
    if (!schema || !target) continue;
    const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    addUndocumentedProperties(schema, metadata);
    for (const [property, propertySchema] of Object.entries(schema.properties ?? {})) {
      for (const rule of metadata.filter((m) => m.propertyName === property)) {
        const at =
          rule.each && propertySchema.type === 'array' ? propertySchema.items : propertySchema;
        if (at && !at.$ref && !at.allOf) applyRule(at, rule);
      }
    }
    schema.additionalProperties = false;
  }
}

/** The type a property's rules imply, for classes documented by validation only (shared contracts). */
const TYPE_OF_RULE: Record<string, string> = {
  isString: 'string',
  matches: 'string',
  isInt: 'integer',
  isNumber: 'number',
  isBoolean: 'boolean',
  isDateString: 'string',
  isISO8601: 'string',
  isUrl: 'string',
};

/**
 * A DTO shared with the event contracts (`Contact`, `TimeWindow`) has class-validator rules but no
 * `@ApiProperty`: its properties are written from the rules, so the schema is not an empty object.
 */
function addUndocumentedProperties(schema: JsonSchema, metadata: ValidationMetadata[]): void {
  schema.properties ??= {};
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metadata)
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  const required = new Set(schema.required ?? []);
  for (const [property, rules] of byProperty) {
    if (schema.properties[property]) continue;
    const type = rules.map((r) => TYPE_OF_RULE[r.name ?? '']).find(Boolean);
    const isIn = rules.find((r) => r.name === 'isIn');
    if (!type && !isIn) continue;
    schema.properties[property] = type ? { type } : {};
    if (!rules.some((r) => r.type === ValidationTypes.CONDITIONAL_VALIDATION))
      required.add(property);
  }
  if (required.size > 0) schema.required = [...required];
  if (schema.properties && Object.keys(schema.properties).length > 0) schema.type ??= 'object';
}

function applyRule(schema: JsonSchema, rule: ValidationMetadata): void {
  const [first, second] = (rule.constraints ?? []) as unknown[];
  if (rule.type !== ValidationTypes.CUSTOM_VALIDATION) return;
  switch (rule.name) {
    case 'isInt':
      schema.type = 'integer';
      break;
    case 'min':
      schema.minimum = first as number;
      break;
    case 'max':
      schema.maximum = first as number;
      break;
    case 'minLength':
      schema.minLength = first as number;
      break;
    case 'maxLength':
      schema.maxLength = first as number;
      break;
    case 'isNotEmpty':
      if (schema.type === 'string') schema.minLength = Math.max(schema.minLength ?? 0, 1);
      break;
    case 'arrayMinSize':
      schema.minItems = first as number;
      break;
    case 'arrayMaxSize':
      schema.maxItems = first as number;
      break;
    case 'isIn':
      if (Array.isArray(first)) schema.enum = first as unknown[];
      break;
    case 'matches':
      if (first instanceof RegExp && !first.flags && !second) schema.pattern = first.source;
      else if (typeof first === 'string' && !second) schema.pattern = first;
      break;
  }
}

/** Schemas a request body refers to, and the schemas they refer to in turn. */
function requestSchemaNames(
  document: OpenAPIObject,
  schemas: Record<string, JsonSchema>,
): Set<string> {
  const names = new Set<string>();
  const visit = (schema: JsonSchema | undefined): void => {
    if (!schema) return;
    const name = schema.$ref?.split('/').pop();
    if (name) {
      if (names.has(name)) return;
      names.add(name);
      visit(schemas[name]);
      return;
    }
    visit(schema.items);
    schema.allOf?.forEach(visit);
    Object.values(schema.properties ?? {}).forEach(visit);
  };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const body = (
        path as Record<
          string,
          { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } | undefined
        >
      )[method]?.requestBody;
      visit(body?.content?.['application/json']?.schema);
    }
  }
  return names;
}
