/**
 * Issue 12: bad input changes nothing. Every write operation of every service (taken from its own
 * OpenAPI document, with a role its `x-roles` allows) is sent invalid bodies — an unknown field,
 * a null, no body, a text/plain body — and each is refused with 400 or 415, and afterwards no
 * collection of that service holds anything it did not hold before.
 */
import type { Role } from '@app/common';
import { newNamespace, startTestService, TestService } from '@app/common/testing';
import { AftersalesAppModule } from '../apps/aftersales/src/app.module';
import { DeliveryAppModule } from '../apps/delivery/src/app.module';
import { OrdersAppModule } from '../apps/orders/src/app.module';
import { ProcurementAppModule } from '../apps/procurement/src/app.module';

type Operation = {
  'x-roles'?: Role[];
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
  requestBody?: { required?: boolean };
};
type Document = { paths: Record<string, Record<string, Operation>> };

const SERVICES = [
  ['orders', OrdersAppModule],
  ['procurement', ProcurementAppModule],
  ['delivery', DeliveryAppModule],
  ['aftersales', AftersalesAppModule],
] as const;
const SCOPED: Role[] = ['canteen', 'supplier', 'driver'];

/** Every document of every collection, so that any write shows. */
async function contents(svc: TestService): Promise<Record<string, unknown[]>> {
  const collections = await svc.connection.db!.listCollections().toArray();
  const out: Record<string, unknown[]> = {};
  for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
    out[name] = await svc.connection.collection(name).find().sort({ _id: 1 }).toArray();
  }
  return out;
}

describe('invalid bodies to every write operation change nothing (issue 12)', () => {
  const namespace = newNamespace();

  it.each(SERVICES.map(([s, m]) => [s, m] as const))('%s', async (service, module) => {
    const svc = await startTestService(module, { service, namespace });
    try {
      const doc = (await svc.http().get('/docs-json').expect(200)).body as Document;
      const before = await contents(svc);
      const refused: string[] = [];
      const accepted: string[] = [];
      for (const [template, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          if (!op.requestBody || !op['x-roles']?.length) continue;
          const role = op['x-roles'].find((r) => !SCOPED.includes(r)) ?? op['x-roles'][0];
          const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
            const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
            return param?.schema?.enum?.[0] ?? 'probe-id';
          });
          const send = () =>
            svc
              .http()
              [method as 'post' | 'put' | 'patch' | 'delete'](path)
              .set('Authorization', svc.auth(role))
              .set(
                'Idempotency-Key',
                `probe-${method}-${path}`.replace(/[^\w-]/g, '-').slice(0, 60),
              );
          // A body documented as optional (a driver's step without a recorded time) may be left out.
          const bodyOptional = op.requestBody.required === false;
          const probes = [
            ['unknown field', send().send({ probeUnknownField: 1 })],
            ['null value', send().send({ probeUnknownField: null })],
            ...(bodyOptional ? [] : ([['no body', send()]] as const)),
            ['text/plain', send().set('Content-Type', 'text/plain').send('{}')],
          ] as const;
          for (const [what, request] of probes) {
            const res = await request;
            const line = `${method.toUpperCase()} ${template} (${what}) → ${res.status}`;
            if (res.status === 400 || res.status === 415) refused.push(line);
            else accepted.push(line);
          }
        }
      }
      expect(accepted).toEqual([]);
      expect(refused.length).toBeGreaterThan(8);
      expect(await contents(svc)).toEqual(before);
    } finally {
      await svc.close({ drop: true });
    }
  });
});
