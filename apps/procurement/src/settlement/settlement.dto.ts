import { ApiProperty } from '@nestjs/swagger';

export class StatementLineView {
  @ApiProperty({ enum: ['received', 'returned'] }) kind!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty() sku!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() ref!: string;
  @ApiProperty({ description: 'yuan, e.g. "20.00"' }) amount!: string;
}

/** R-PROC-6 monthly statement of a supplier (service type: StatementView). */
export class SupplierStatementView {
  @ApiProperty() supplierId!: string;
  @ApiProperty() month!: string;
  @ApiProperty({ type: [StatementLineView] }) lines!: StatementLineView[];
  @ApiProperty() received!: string;
  @ApiProperty() returned!: string;
  @ApiProperty() payable!: string;
}
