/**
 * Issue 12, finding 5: an integrating canteen can generate a client from each service's OpenAPI.
 * Every operation says who may call it, documents its success body with a DTO class (never an
 * empty schema; an image download names its binary media types), every error answer with the shared error schema, and every path parameter.
 */
import { newNamespace, startTestService, TestService } from '@app/common/testing';
import { AftersalesAppModule } from '../apps/aftersales/src/app.module';
import { DeliveryAppModule } from '../apps/delivery/src/app.module';
import { OrdersAppModule } from '../apps/orders/src/app.module';
import { ProcurementAppModule } from '../apps/procurement/src/app.module';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  items?: Schema;
  properties?: object;
};
type Response = { content?: Record<string, { schema?: Schema }> };
type Operation = {
  'x-roles'?: string[];
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const SERVICES = [
  ['orders', OrdersAppModule],
  ['procurement', ProcurementAppModule],
  ['delivery', DeliveryAppModule],
  ['aftersales', AftersalesAppModule],
] as const;

describe('OpenAPI contracts (issue 12, finding 5)', () => {
  const namespace = newNamespace();
  const services: TestService[] = [];
  const documents: Record<string, Document> = {};

  beforeAll(async () => {
    for (const [service, module] of SERVICES) {
      const svc = await startTestService(module, { service, namespace });
      services.push(svc);
      documents[service] = (await svc.http().get('/docs-json').expect(200)).body as Document;
    }
  });
  afterAll(() => Promise.all(services.map((s) => s.close({ drop: true }))));

  /** What is wrong with one operation's entry; empty when complete. */
  function problemsOf(doc: Document, path: string, op: Operation): string[] {
    const problems: string[] = [];
    const refName = (s: Schema | undefined) =>
      (s?.$ref ?? (s?.type === 'array' ? s.items?.$ref : undefined))?.split('/').pop();
    if (!op['x-roles']?.length) problems.push('no x-roles');
    const success = Object.entries(op.responses).filter(([code]) => /^2\d\d$/.test(code));
    if (success.length === 0) problems.push('no success response');
    for (const [code, response] of success) {
      // An image download documents its media types as binary instead of a JSON DTO.
      const image = Object.entries(response.content ?? {}).filter(([t]) => t.startsWith('image/'));
      if (image.length > 0 && image.every(([, c]) => c.schema?.format === 'binary')) continue;
      const name = refName(response.content?.['application/json']?.schema);
      if (!name) problems.push(`${code} has no DTO schema`);
      else if (!Object.keys(doc.components.schemas[name]?.properties ?? {}).length)
        problems.push(`${code} schema ${name} has no properties`);
    }
    const errors = [
      '400',
      '401',
      '403',
      '404',
      '409',
      '422',
      ...(op.requestBody ? ['413', '415'] : []),
    ];
    for (const code of errors) {
      const name = refName(op.responses[code]?.content?.['application/json']?.schema);
      if (name !== 'ErrorResponse') problems.push(`${code} without ErrorResponse`);
    }
    for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
      if (!op.parameters?.some((p) => p.in === 'path' && p.name === name))
        problems.push(`path parameter ${name} undeclared`);
    }
    return problems;
  }

  it.each(SERVICES.map(([s]) => s))('%s: every operation is fully documented', (service) => {
    const doc = documents[service];
    const incomplete: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (path.startsWith('/health')) continue;
      for (const [method, op] of Object.entries(item)) {
        operations += 1;
        const problems = problemsOf(doc, path, op);
        if (problems.length)
          incomplete.push(`${method.toUpperCase()} ${path}: ${problems.join(', ')}`);
      }
    }
    expect(operations).toBeGreaterThan(10);
    expect(incomplete).toEqual([]);
    expect(doc.components.schemas.ErrorResponse).toMatchObject({
      required: ['statusCode', 'code', 'message', 'fields'],
    });
  });
});
