import { Injectable } from '@nestjs/common';
import { OnEvent } from '@app/common';
import type { ReturnApproved } from '@app/common';
import { StatementsService } from './statements.service';

@Injectable()
export class StatementsHandler {
  constructor(private readonly statements: StatementsService) {}

  @OnEvent('aftersales.return.approved')
  onReturnApproved(approved: ReturnApproved): Promise<void> {
    return this.statements.onReturnApproved(approved);
  }
}
