import { randomUUID } from 'node:crypto';
import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiProperty } from '@nestjs/swagger';
import type { Model } from 'mongoose';
import { Caller, DomainError } from '@app/common';
import { DeliveryRepository } from '../delivery.repository';
import {
  acceptsImage,
  PROOF_IMAGE_KINDS,
  PROOF_IMAGE_MAX_BYTES,
  PROOF_IMAGE_REF_PREFIX,
  proofImageIdOf,
  sniffImageType,
  type ProofImageKind,
} from '../domain/proof-image-type';
import { ProofImageRecord } from './proof-image.schema';

export class ProofImageView {
  @ApiProperty() id!: string;
  @ApiProperty({
    example: 'proof-image:0b1c…',
    description: "What the proof's signatureRef / photoRef carries",
  })
  ref!: string;
  @ApiProperty() deliveryId!: string;
  @ApiProperty({ enum: PROOF_IMAGE_KINDS }) kind!: ProofImageKind;
  @ApiProperty({ enum: ['image/png', 'image/jpeg'], description: 'Read from the bytes' })
  contentType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
}

/** The image as read back: bytes and their real type. */
export interface ProofImageContent {
  contentType: string;
  data: Buffer;
}

/** Stores a driver's proof images for their own delivery and serves them to who may see them. */
@Injectable()
export class ProofImagesService {
  constructor(
    @InjectModel(ProofImageRecord.name) private readonly model: Model<ProofImageRecord>,
    private readonly deliveries: DeliveryRepository,
  ) {}

  /**
   * R-DEL-3: only the assigned driver (someone else's delivery is not found), only a real PNG
   * signature or JPEG photo, at most 2 MB. Nothing is written when any check fails.
   */
  async upload(
    deliveryId: string,
    kind: ProofImageKind,
    body: { bytes: Buffer; tooLarge: boolean },
    caller: Caller,
  ): Promise<ProofImageView> {
    const { delivery } = await this.deliveries.load(deliveryId, caller);
    if (body.tooLarge) {
      throw new HttpException(
        {
          code: 'PROOF_IMAGE.TOO_LARGE',
          message: `a proof image is at most ${PROOF_IMAGE_MAX_BYTES} bytes`,
          fields: [{ field: '(body)', reason: `larger than ${PROOF_IMAGE_MAX_BYTES} bytes` }],
        },
        HttpStatus.PAYLOAD_TOO_LARGE,
      );
    }
    const type = sniffImageType(body.bytes);
    if (!acceptsImage(kind, type)) {
      throw new HttpException(
        {
          code: 'PROOF_IMAGE.UNSUPPORTED_TYPE',
          message: kind === 'signature' ? 'a signature is a PNG image' : 'a photo is a JPEG image',
          fields: [{ field: '(body)', reason: `not a ${kind === 'signature' ? 'PNG' : 'JPEG'}` }],
        },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    const record = await this.model.create({
      _id: randomUUID(),
      deliveryId: delivery.deliveryId,
      canteenId: delivery.canteenId,
      driverId: caller.driverId,
      kind,
      contentType: type,
      size: body.bytes.length,
      data: body.bytes,
    });
    return viewOf(record);
  }

  /** Staff see every delivery's images, a canteen only its own deliveries'. */
  async read(deliveryId: string, imageId: string, caller: Caller): Promise<ProofImageContent> {
    await this.deliveries.load(deliveryId, caller);
    const found = await this.model.findOne({ _id: imageId, deliveryId }).lean().exec();
    if (!found) throw DomainError.notFound('proof image', imageId);
    return { contentType: found.contentType, data: toBuffer(found.data) };
  }

  async list(deliveryId: string, caller: Caller): Promise<ProofImageView[]> {
    await this.deliveries.load(deliveryId, caller);
    const found = await this.model
      .find({ deliveryId }, { data: 0 })
      .sort({ createdAt: 1 })
      .lean()
      .exec();
    return found.map(viewOf);
  }

  /** A proof may only name images uploaded for this same delivery. */
  async checkReferences(deliveryId: string, refs: (string | undefined)[]): Promise<void> {
    for (const [index, ref] of refs.entries()) {
      const id = proofImageIdOf(ref);
      if (id === null) continue;
      const exists = await this.model.exists({ _id: id, deliveryId });
      if (!exists) {
        const field = index === 0 ? 'proof.signatureRef' : 'proof.photoRef';
        throw new DomainError('DELIVERY.PROOF_IMAGE_UNKNOWN', `no proof image ${id}`, 'invalid', [
          { field, reason: 'not an image uploaded for this delivery' },
        ]);
      }
    }
  }
}

function viewOf(record: Omit<ProofImageRecord, 'data'>): ProofImageView {
  return {
    id: record._id,
    ref: `${PROOF_IMAGE_REF_PREFIX}${record._id}`,
    deliveryId: record.deliveryId,
    kind: record.kind,
    contentType: record.contentType,
    size: record.size,
  };
}

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const binary = data as { buffer?: Uint8Array; value?: () => Uint8Array };
  if (binary.buffer instanceof Uint8Array) return Buffer.from(binary.buffer);
  return Buffer.from(data as Uint8Array);
}
