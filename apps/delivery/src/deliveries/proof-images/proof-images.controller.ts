import { Controller, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Request, Response } from 'express';
import { Caller, CurrentCaller, Roles } from '@app/common';
import {
  PROOF_IMAGE_KINDS,
  PROOF_IMAGE_MAX_BYTES,
  type ProofImageKind,
} from '../domain/proof-image-type';
import { ProofImagesService, ProofImageView } from './proof-images.service';

export class ProofImageQueryDto {
  @ApiProperty({ enum: PROOF_IMAGE_KINDS, description: 'signature = PNG, photo = JPEG' })
  @IsIn(PROOF_IMAGE_KINDS)
  kind!: ProofImageKind;
}

/** Staff and the delivery's own canteen read proof images; the driver only uploads them. */
const IMAGE_READERS = [
  'dispatcher',
  'ops-manager',
  'aftersales',
  'aftersales-lead',
  'canteen',
] as const;

@ApiTags('deliveries')
@Controller('deliveries/:id/proof-images')
export class ProofImagesController {
  constructor(private readonly images: ProofImagesService) {}

  @Post()
  @Roles('driver')
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ description: `The image's bytes, at most ${PROOF_IMAGE_MAX_BYTES} bytes` })
  @ApiCreatedResponse({ type: ProofImageView })
  async upload(
    @Param('id') id: string,
    @Query() query: ProofImageQueryDto,
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
  ): Promise<ProofImageView> {
    const body = await readBounded(request, PROOF_IMAGE_MAX_BYTES);
    return this.images.upload(id, query.kind, body, caller);
  }

  @Get()
  @Roles(...IMAGE_READERS)
  @ApiOkResponse({ type: [ProofImageView] })
  list(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<ProofImageView[]> {
    return this.images.list(id, caller);
  }

  @Get(':imageId')
  @Roles(...IMAGE_READERS)
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({
    description: 'The image as uploaded',
    content: {
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async read(
    @Param('id') id: string,
    @Param('imageId') imageId: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const image = await this.images.read(id, imageId, caller);
    response.setHeader('Cache-Control', 'private, max-age=3600');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(image.data, { type: image.contentType, length: image.data.length });
  }
}

/**
 * Reads the raw body, keeping at most `max` bytes. The rest is read and dropped so the client
 * gets its answer rather than a reset connection.
 */
async function readBounded(
  request: Request,
  max: number,
): Promise<{ bytes: Buffer; tooLarge: boolean }> {
  if (Buffer.isBuffer(request.body)) {
    return { bytes: request.body, tooLarge: request.body.length > max };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total <= max) chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks), tooLarge: total > max };
}
