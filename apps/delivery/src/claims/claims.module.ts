import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClaimRecord, ClaimSchema } from './claim.schema';
import { ClaimsService } from './claims.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: ClaimRecord.name, schema: ClaimSchema }])],
  providers: [ClaimsService],
  exports: [ClaimsService],
})
export class ClaimsModule {}
