import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Caller, canteenScope, DomainError, fenToYuan } from '@app/common';
import type { ReturnApproved } from '@app/common';
import { OrdersService } from '../orders/orders.service';
import { CanteenCreditDocument } from './canteen-credit.schema';
import { computeStatement, monthRange } from './domain/canteen-statement';
import { creditedQuantities, creditForReturn } from './domain/return-credit';
import { CanteenStatementView } from './statement.dto';

@Injectable()
export class StatementsService {
  constructor(
    @InjectModel(CanteenCreditDocument.name) private readonly credits: Model<CanteenCreditDocument>,
    private readonly orders: OrdersService,
  ) {}

  /** R-AS-6: credits the canteen once per return, at the original order line's price. */
  async onReturnApproved(approved: ReturnApproved): Promise<void> {
    if (await this.credits.exists({ _id: approved.returnId }).exec()) return;
    const original = await this.orders.findOrder(approved.originalOrderId);
    if (!original) throw DomainError.notFound('order', approved.originalOrderId);
    const earlier = await this.credits.find({ orderId: original.orderId }).lean().exec();
    const credit = creditForReturn(
      original,
      {
        ...approved,
        approvedAt: new Date(approved.approvedAt),
        lines: approved.lines.map(({ lineId, quantity }) => ({ lineId, quantity })),
      },
      creditedQuantities(earlier),
    );
    const { returnId, ...fields } = credit;
    try {
      await this.credits.create({ _id: returnId, ...fields });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }

  async statementOf(
    canteenId: string,
    month: string,
    caller: Caller,
  ): Promise<CanteenStatementView> {
    const scope = canteenScope(caller).canteenId;
    if (scope && scope !== canteenId) throw DomainError.notFound('canteen', canteenId);
    const { from, to } = monthRange(month);
    const [orders, credits] = await Promise.all([
      this.orders.deliveredBetween(canteenId, from, to),
      this.credits.find({ canteenId, month }).lean().exec(),
    ]);
    const s = computeStatement(
      canteenId,
      month,
      orders,
      credits.map(({ _id, ...c }) => ({ returnId: _id, ...c })),
    );
    return {
      canteenId,
      month,
      deliveries: s.deliveries.map((d) => ({
        orderId: d.orderId,
        deliveredAt: d.deliveredAt.toISOString(),
        amount: fenToYuan(d.amountFen),
      })),
      credits: s.credits.map((c) => ({
        returnId: c.returnId,
        orderId: c.orderId,
        approvedAt: c.approvedAt.toISOString(),
        amount: fenToYuan(c.amountFen),
      })),
      delivered: fenToYuan(s.deliveredFen),
      credited: fenToYuan(s.creditedFen),
      balance: fenToYuan(s.balanceFen),
    };
  }
}
