import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DomainError, EventFactory, newWithEvents, withEvents } from '@app/common';
import { Ingredient, RemovalStrategy } from './domain/ingredient';
import { IngredientDoc } from './ingredient.schema';
import { IngredientView, RegisterIngredientDto, UpdateIngredientDto } from './ingredient.dto';

@Injectable()
export class IngredientsService {
  constructor(
    @InjectModel(IngredientDoc.name) private readonly ingredients: Model<IngredientDoc>,
    private readonly events: EventFactory,
  ) {}

  async register(dto: RegisterIngredientDto): Promise<IngredientView> {
    const ingredient: Ingredient = { ...dto, removalStrategy: dto.removalStrategy ?? 'fifo' };
    const event = this.events.create(
      'procurement.ingredient.registered',
      ingredient.sku,
      ingredient,
    );
    const { sku, ...rest } = ingredient;
    try {
      await this.ingredients.create(newWithEvents({ _id: sku, ...rest, version: 1 }, [event]));
    } catch (e) {
      if ((e as { code?: number }).code === 11000) {
        throw new DomainError(
          'INGREDIENT.EXISTS',
          `ingredient ${sku} is already registered`,
          'conflict',
          [{ field: 'sku', reason: 'already registered' }],
        );
      }
      throw e;
    }
    return ingredient;
  }

  async update(sku: string, dto: UpdateIngredientDto): Promise<IngredientView> {
    const ingredient: Ingredient = { sku, ...dto, removalStrategy: dto.removalStrategy ?? 'fifo' };
    const event = this.events.create('procurement.ingredient.updated', sku, ingredient);
    const { sku: _id, ...fields } = ingredient;
    const result = await this.ingredients
      .updateOne({ _id }, withEvents({ $set: fields, $inc: { version: 1 } }, [event]))
      .exec();
    if (result.matchedCount === 0) throw DomainError.notFound('ingredient', sku);
    return ingredient;
  }

  async list(): Promise<IngredientView[]> {
    return (await this.ingredients.find().sort({ _id: 1 }).lean().exec()).map(toView);
  }

  async get(sku: string): Promise<IngredientView> {
    const found = await this.ingredients.findById(sku).lean().exec();
    if (!found) throw DomainError.notFound('ingredient', sku);
    return toView(found);
  }

  async findMany(skus: string[]): Promise<Map<string, Ingredient>> {
    const found = await this.ingredients
      .find({ _id: { $in: skus } })
      .lean()
      .exec();
    return new Map(found.map((d) => [d._id, toView(d)]));
  }

  async strategies(skus: string[]): Promise<(sku: string) => RemovalStrategy> {
    const found = await this.findMany(skus);
    return (sku) => found.get(sku)?.removalStrategy ?? 'fifo';
  }
}

function toView(
  d: Pick<
    IngredientDoc,
    '_id' | 'name' | 'unit' | 'category' | 'storage' | 'shelfLifeDays' | 'removalStrategy'
  >,
): IngredientView {
  return {
    sku: d._id,
    name: d.name,
    unit: d.unit,
    category: d.category,
    storage: d.storage,
    shelfLifeDays: d.shelfLifeDays,
    removalStrategy: d.removalStrategy,
  };
}
