import type { Caller } from '@app/common';
import { Actor } from './domain/actor';

/** The domain's view of the authenticated caller. */
export function toActor(caller: Caller): Actor {
  return {
    userId: caller.sub,
    role: caller.role,
    ...(caller.supplierId ? { supplierId: caller.supplierId } : {}),
  };
}
