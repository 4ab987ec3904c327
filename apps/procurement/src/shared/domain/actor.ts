/**
 * Who performs a command. Role checks live in the state transitions too (not only in
 * controllers), so separation of duties holds whichever endpoint or event triggers them.
 */
import { DomainError } from '@app/common/errors/domain-error';

export const PROCUREMENT_ROLES = [
  'buyer',
  'cost-accountant',
  'ops-manager',
  'chef',
  'warehouse',
  'supplier',
] as const;
export type ProcurementRole = (typeof PROCUREMENT_ROLES)[number];

export interface Actor {
  /** The token's `sub`: one person. */
  userId: string;
  role: string;
  /** Set on `supplier` tokens. */
  supplierId?: string;
}

export function requireRole(actor: Actor, roles: readonly string[], action: string): void {
  if (!roles.includes(actor.role)) {
    throw new DomainError(
      'PROCUREMENT.ROLE_NOT_ALLOWED',
      `role ${actor.role} may not ${action}; allowed: ${roles.join(', ')}`,
      'forbidden',
    );
  }
}
