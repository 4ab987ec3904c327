/** An ingredient of the catalogue (R-INV-1): what a lot of it is, how it is stored and issued. */
import { BaseUnit } from '@app/common/money/quantity';

export const STORAGE_KINDS = ['chilled', 'frozen', 'dry'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** `fifo` is the rule (R-INV-2); `fefo` is an opt-in per ingredient for short-dated goods. */
export const REMOVAL_STRATEGIES = ['fifo', 'fefo'] as const;
export type RemovalStrategy = (typeof REMOVAL_STRATEGIES)[number];

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface Ingredient {
  sku: string;
  name: string;
  unit: BaseUnit;
  category: string;
  storage: StorageKind;
  shelfLifeDays: number;
  removalStrategy: RemovalStrategy;
}
