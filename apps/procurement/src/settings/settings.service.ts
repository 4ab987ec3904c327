import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DEFAULT_TOLERANCE_PERCENT } from '../quotes/domain/quote-verification';
import { assertCoefficients } from '../replenishment/domain/replenishment';
import { SettingsDoc } from './settings.schema';
import { SettingsView, UpdateSettingsDto } from './settings.dto';

const ID = 'procurement';

@Injectable()
export class SettingsService {
  constructor(@InjectModel(SettingsDoc.name) private readonly settings: Model<SettingsDoc>) {}

  async get(): Promise<SettingsView> {
    const found = await this.settings.findById(ID).lean().exec();
    return {
      tolerancePercent: found?.tolerancePercent ?? DEFAULT_TOLERANCE_PERCENT,
      seasonalPercent: found?.seasonalPercent ?? {},
    };
  }

  async update(dto: UpdateSettingsDto): Promise<SettingsView> {
    const $set: Record<string, unknown> = {};
    if (dto.tolerancePercent !== undefined) $set.tolerancePercent = dto.tolerancePercent;
    if (dto.seasonalPercent !== undefined) {
      for (const [month, percent] of Object.entries(assertCoefficients(dto.seasonalPercent))) {
        $set[`seasonalPercent.${month}`] = percent;
      }
    }
    await this.settings.updateOne({ _id: ID }, { $set }, { upsert: true }).exec();
    return this.get();
  }
}
