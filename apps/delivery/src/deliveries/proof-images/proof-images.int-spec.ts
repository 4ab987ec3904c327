import 'reflect-metadata';
import { ManualClock, MINUTE_MS } from '@app/common';
import {
  eventually,
  KafkaProbe,
  newNamespace,
  startTestService,
  type TestService,
} from '@app/common/testing';
import { DeliveryAppModule } from '../../app.module';
import { CONFIRMED_AT } from '../../testing/delivery-factories';
import { aCanteenSnapshot, anOrderConfirmed } from '../../testing/delivery-int-helpers';
import { PROOF_IMAGE_MAX_BYTES } from '../domain/proof-image-type';

/** A real 1×1 PNG and the first bytes of a JPEG (the type is read from the bytes). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64, 7),
  Buffer.from([0xff, 0xd9]),
]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

describe('proof images of a delivery against the real broker and database', () => {
  const namespace = newNamespace();
  const probe = new KafkaProbe(namespace);
  const clock = new ManualClock(CONFIRMED_AT);
  let service: TestService;
  let deliveryId: string;

  const dispatcher = () => service.auth('dispatcher');
  const driver = (driverId = 'driver-1') => service.auth('driver', { driverId });
  const canteen = (canteenId = 'canteen-1') => service.auth('canteen', { canteenId });
  const stored = () => service.connection.collection('proof_images').countDocuments();
  const upload = (
    kind: string,
    bytes: Buffer,
    as = driver(),
    type = 'image/png',
    id = deliveryId,
  ) =>
    service
      .http()
      .post(`/deliveries/${id}/proof-images`)
      .query({ kind })
      .set('Authorization', as)
      .set('Content-Type', type)
      .send(bytes);

  beforeAll(async () => {
    service = await startTestService(DeliveryAppModule, {
      service: 'delivery',
      namespace,
      clock,
      database: `test_delivery_images_${namespace}`,
    });
    await probe.publish('orders.canteen.registered', 'canteen-1', aCanteenSnapshot(), CONFIRMED_AT);
    await eventually(async () => {
      expect(await service.connection.collection('canteen_copies').countDocuments()).toBe(1);
    });
    for (const driverId of ['driver-1', 'driver-2']) {
      await service
        .http()
        .post('/drivers')
        .set('Authorization', dispatcher())
        .send({ driverId, name: `Driver ${driverId}`, phone: '13900000000', vehicle: 'van' })
        .expect(201);
    }
    const order = anOrderConfirmed();
    await probe.publish('orders.order.confirmed', order.orderId, order, CONFIRMED_AT);
    deliveryId = await eventually(async () => {
      const res = await service
        .http()
        .get('/deliveries')
        .query({ orderId: order.orderId })
        .set('Authorization', dispatcher());
      expect(res.body).toHaveLength(1);
      return res.body[0].id as string;
    });
    await service
      .http()
      .post(`/deliveries/${deliveryId}/assignment`)
      .set('Authorization', dispatcher())
      .send({ driverId: 'driver-1' })
      .expect(200);
    await service
      .http()
      .post(`/deliveries/${deliveryId}/pickup`)
      .set('Authorization', driver())
      .expect(200);
    clock.advance(30 * MINUTE_MS);
    await service
      .http()
      .post(`/deliveries/${deliveryId}/check-in`)
      .set('Authorization', driver())
      .expect(200);
  });

  afterAll(async () => {
    await service?.close({ drop: true });
  });

  it('R-DEL-3: another driver, wrong type or too large → 4xx and nothing stored; a PNG signature and a JPEG photo are stored, referenced from the proof and read only by staff and that canteen', async () => {
    // Someone else's delivery is not found, and nothing is kept.
    const foreign = await upload('signature', PNG, driver('driver-2'));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('DELIVERY.NOT_FOUND');
    // The type is read from the bytes: a GIF claiming to be a PNG, a JPEG as a signature.
    const gif = await upload('signature', GIF, driver(), 'image/png');
    expect(gif.status).toBe(415);
    expect(gif.body.code).toBe('PROOF_IMAGE.UNSUPPORTED_TYPE');
    expect((await upload('signature', JPEG, driver(), 'image/jpeg')).status).toBe(415);
    expect((await upload('photo', PNG)).status).toBe(415);
    // Too large: one byte over the limit, even when it starts like a real PNG.
    const huge = Buffer.concat([PNG, Buffer.alloc(PROOF_IMAGE_MAX_BYTES - PNG.length + 1)]);
    const tooLarge = await upload('signature', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('PROOF_IMAGE.TOO_LARGE');
    // An unknown kind is a bad request.
    expect((await upload('selfie', PNG)).status).toBe(400);
    // A canteen or a dispatcher cannot upload a driver's proof.
    expect((await upload('signature', PNG, canteen())).status).toBe(403);
    // Raw bytes are taken on this route only: elsewhere a non-JSON body is still 415.
    const elsewhere = await service
      .http()
      .post(`/deliveries/${deliveryId}/delivered`)
      .set('Authorization', driver())
      .set('Content-Type', 'image/png')
      .send(PNG);
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.body.code).toBe('HTTP.UNSUPPORTED_MEDIA_TYPE');
    expect(await stored()).toBe(0);

    const signature = await upload('signature', PNG);
    expect(signature.status).toBe(201);
    expect(signature.body).toMatchObject({
      deliveryId,
      kind: 'signature',
      contentType: 'image/png',
      size: PNG.length,
      ref: `proof-image:${signature.body.id}`,
    });
    const photo = await upload('photo', JPEG, driver(), 'application/octet-stream');
    expect(photo.status).toBe(201);
    expect(photo.body.contentType).toBe('image/jpeg');
    expect(await stored()).toBe(2);

    // A proof may only name images of this delivery.
    const unknownRef = await service
      .http()
      .post(`/deliveries/${deliveryId}/delivered`)
      .set('Authorization', driver())
      .send({
        lines: [
          { lineId: 'line-1', acceptedQuantity: 10_000, rejectedQuantity: 0 },
          { lineId: 'line-2', acceptedQuantity: 40, rejectedQuantity: 0 },
        ],
        proof: {
          receiverName: 'Wang Fang',
          receivedAt: clock.now().toISOString(),
          signatureRef: 'proof-image:not-uploaded',
        },
      });
    expect(unknownRef.status).toBe(400);
    expect(unknownRef.body).toMatchObject({
      code: 'DELIVERY.PROOF_IMAGE_UNKNOWN',
      fields: [{ field: 'proof.signatureRef' }],
    });

    const delivered = await service
      .http()
      .post(`/deliveries/${deliveryId}/delivered`)
      .set('Authorization', driver())
      .send({
        lines: [
          {
            lineId: 'line-1',
            acceptedQuantity: 9_000,
            rejectedQuantity: 1_000,
            rejectionReason: 'damaged',
          },
          { lineId: 'line-2', acceptedQuantity: 40, rejectedQuantity: 0 },
        ],
        proof: {
          receiverName: 'Wang Fang',
          receivedAt: clock.now().toISOString(),
          signatureRef: signature.body.ref,
          photoRef: photo.body.ref,
        },
      })
      .expect(200);
    expect(delivered.body.proof).toMatchObject({
      signatureRef: signature.body.ref,
      photoRef: photo.body.ref,
    });

    // Staff and the delivery's canteen read the bytes back unchanged, with their real type.
    for (const reader of [dispatcher(), service.auth('aftersales'), canteen()]) {
      const image = await service
        .http()
        .get(`/deliveries/${deliveryId}/proof-images/${signature.body.id}`)
        .set('Authorization', reader)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(image.status).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
    }
    const listed = await service
      .http()
      .get(`/deliveries/${deliveryId}/proof-images`)
      .set('Authorization', canteen())
      .expect(200);
    expect(listed.body.map((i: { kind: string }) => i.kind)).toEqual(['signature', 'photo']);
    // Another canteen does not find them; a driver's token does not read them.
    await service
      .http()
      .get(`/deliveries/${deliveryId}/proof-images/${signature.body.id}`)
      .set('Authorization', canteen('canteen-2'))
      .expect(404);
    await service
      .http()
      .get(`/deliveries/${deliveryId}/proof-images/${photo.body.id}`)
      .set('Authorization', driver())
      .expect(403);
  });
});
