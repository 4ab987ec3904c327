import { Injectable } from '@nestjs/common';
import { addDays, DomainError, startOfShanghaiDay } from '@app/common';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { onTimeReport, type OnTimeReport } from './domain/on-time-report';
import { OnTimeReportQueryDto } from './report.dto';

/** A year of deliveries is what a monthly or yearly review asks for; more is a bulk export. */
const MAX_RANGE_DAYS = 366;
const MAX_DELIVERIES = 100_000;

@Injectable()
export class ReportsService {
  constructor(private readonly deliveries: DeliveryRepository) {}

  /** R-DEL-8: on-time rate per day, driver and canteen, with breaches and waivers. */
  async onTime(query: OnTimeReportQueryDto): Promise<OnTimeReport> {
    const start = startOfShanghaiDay(query.from);
    const end = startOfShanghaiDay(addDays(query.to, 1));
    const days = (end.getTime() - start.getTime()) / 86_400_000;
    if (Number.isNaN(days) || days < 1 || days > MAX_RANGE_DAYS) {
      throw new DomainError(
        'REPORT.INVALID_RANGE',
        `from must be on or before to, at most ${MAX_RANGE_DAYS} days`,
        'invalid',
        [{ field: 'to', reason: 'range must be 1 to 366 days' }],
      );
    }
    const found = await this.deliveries.find(
      { deadline: { $gte: start, $lt: end }, status: { $ne: 'cancelled' } },
      MAX_DELIVERIES,
    );
    return onTimeReport(
      found.map((s) => s.delivery),
      query.from,
      query.to,
    );
  }
}
