import { Injectable } from '@nestjs/common';
import { OnEvent, ReturnApproved } from '@app/common';
import { ReturnedGoodsService } from './returned-goods.service';

@Injectable()
export class ReturnApprovedHandler {
  constructor(private readonly returns: ReturnedGoodsService) {}

  @OnEvent('aftersales.return.approved')
  onReturnApproved(event: ReturnApproved): Promise<void> {
    return this.returns.onReturnApproved(event);
  }
}
