import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Caller, Clock, fenToYuan, yuanToFen } from '@app/common';
import {
  DEFAULT_PENALTY_SCALE,
  SEVERITIES,
  validatePenaltyScale,
  type PenaltyScale,
} from './domain/penalty-scale';
import { SettingDoc } from './penalty.schema';
import type { PenaltyScaleDto } from './penalty.dto';

const SCALE_ID = 'penalty-scale';

/** R-AS-8: the configurable scale, stored once for all instances. */
@Injectable()
export class PenaltyScaleService {
  constructor(
    @InjectModel(SettingDoc.name) private readonly settings: Model<SettingDoc>,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<PenaltyScale> {
    const stored = await this.settings.findById(SCALE_ID).lean().exec();
    return (stored?.value as PenaltyScale | undefined) ?? DEFAULT_PENALTY_SCALE;
  }

  async view(): Promise<PenaltyScaleDto> {
    return toDto(await this.current());
  }

  async set(dto: PenaltyScaleDto, caller: Caller): Promise<PenaltyScaleDto> {
    const scale = validatePenaltyScale({
      minor: yuanToFen(dto.minor),
      moderate: yuanToFen(dto.moderate),
      serious: yuanToFen(dto.serious),
      severe: yuanToFen(dto.severe),
    });
    await this.settings
      .updateOne(
        { _id: SCALE_ID },
        { $set: { value: scale, updatedBy: caller.sub, updatedAt: this.clock.now() } },
        { upsert: true },
      )
      .exec();
    return toDto(scale);
  }
}

function toDto(scale: PenaltyScale): PenaltyScaleDto {
  return Object.fromEntries(
    SEVERITIES.map((s) => [s, fenToYuan(scale[s])]),
  ) as unknown as PenaltyScaleDto;
}
