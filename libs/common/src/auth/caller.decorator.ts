import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { Caller } from './roles';

export const CALLER_KEY = 'caller';

/** The authenticated caller (set by AuthGuard). */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const request = ctx.switchToHttp().getRequest<Request & { [CALLER_KEY]: Caller }>();
  return request[CALLER_KEY];
});
