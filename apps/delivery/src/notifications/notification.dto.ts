import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import {
  NOTIFICATION_KINDS,
  RECIPIENTS,
  type NotificationKind,
  type Recipient,
} from './domain/notification-plan';
import { NOTIFICATION_STATUSES, type NotificationStatus } from './notification.schema';

export class NotificationQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() deliveryId?: string;
  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional()
  @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;
  @ApiPropertyOptional({ enum: RECIPIENTS }) @IsOptional() @IsIn(RECIPIENTS) recipient?: Recipient;
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;
}

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: RECIPIENTS }) recipient!: Recipient;
  @ApiProperty() deliveryId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() canteenId!: string;
  @ApiProperty() message!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: NotificationStatus;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional() sentAt?: Date;
  @ApiPropertyOptional() lastError?: string;
}
