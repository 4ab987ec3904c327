import { ApiProperty } from '@nestjs/swagger';

export class StatementDeliveryView {
  @ApiProperty() orderId!: string;
  @ApiProperty() deliveredAt!: string;
  @ApiProperty({ example: '625.00' }) amount!: string;
}

export class StatementCreditView {
  @ApiProperty() returnId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() approvedAt!: string;
  @ApiProperty({ example: '30.00' }) amount!: string;
}

export class CanteenStatementView {
  @ApiProperty() canteenId!: string;
  @ApiProperty({ example: '2026-12' }) month!: string;
  @ApiProperty({ type: [StatementDeliveryView] }) deliveries!: StatementDeliveryView[];
  @ApiProperty({ type: [StatementCreditView] }) credits!: StatementCreditView[];
  @ApiProperty({ description: 'goods accepted at delivery, at the order prices' })
  delivered!: string;
  @ApiProperty({ description: 'credits from approved returns' }) credited!: string;
  @ApiProperty({ description: 'delivered − credited' }) balance!: string;
}
