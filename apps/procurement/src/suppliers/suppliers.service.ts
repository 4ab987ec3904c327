import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { Caller, DomainError, INTERNAL, ScopedBy, scopedFilter } from '@app/common';
import { IngredientsService } from '../ingredients/ingredients.service';
import { SupplierDoc } from './supplier.schema';
import { RegisterSupplierDto, SupplierView } from './supplier.dto';

@Injectable()
export class SuppliersService {
  constructor(
    @InjectModel(SupplierDoc.name) private readonly suppliers: Model<SupplierDoc>,
    private readonly ingredients: IngredientsService,
  ) {}

  async register(dto: RegisterSupplierDto, by: Caller): Promise<SupplierView> {
    await this.assertKnownSkus(dto.skus);
    const doc = { _id: randomUUID(), ...dto, settlement: 'monthly' as const, registeredBy: by.sub };
    await this.suppliers.create(doc);
    return toView(doc);
  }

  async updateSkus(id: string, skus: string[]): Promise<SupplierView> {
    await this.assertKnownSkus(skus);
    const updated = await this.suppliers
      .findOneAndUpdate({ _id: id }, { $set: { skus } }, { new: true })
      .lean()
      .exec();
    if (!updated) throw DomainError.notFound('supplier', id);
    return toView(updated);
  }

  async list(caller: Caller): Promise<SupplierView[]> {
    const filter = scopedFilter(caller, SCOPE, {});
    return (await this.suppliers.find(filter).sort({ name: 1 }).lean().exec()).map(toView);
  }

  /** A supplier token sees only itself: another supplier is a 404. */
  async get(id: string, by: ScopedBy = INTERNAL): Promise<SupplierView> {
    const found = await this.suppliers
      .findOne(scopedFilter(by, SCOPE, { _id: id }))
      .lean()
      .exec();
    if (!found) throw DomainError.notFound('supplier', id);
    return toView(found);
  }

  private async assertKnownSkus(skus: string[]): Promise<void> {
    const known = await this.ingredients.findMany(skus);
    const unknown = skus.filter((s) => !known.has(s));
    if (unknown.length > 0) {
      throw new DomainError(
        'SUPPLIER.UNKNOWN_INGREDIENT',
        `not in the catalogue: ${unknown.join(', ')}`,
        'unprocessable',
        unknown.map((s) => ({ field: 'skus', reason: `${s} is not a registered ingredient` })),
      );
    }
  }
}

/** A supplier token's supplierId is the supplier's own `_id`. */
const SCOPE = { supplierId: '_id' };

function toView(
  d: Pick<SupplierDoc, '_id' | 'name' | 'contact' | 'skus' | 'settlement'>,
): SupplierView {
  return { id: d._id, name: d.name, contact: d.contact, skus: d.skus, settlement: d.settlement };
}
