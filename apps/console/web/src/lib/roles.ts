/** The roles of RULES.md, and the claim that scopes a role's records. */
export const ROLES = [
  'canteen',
  'chef',
  'buyer',
  'cost-accountant',
  'ops-manager',
  'warehouse',
  'supplier',
  'dispatcher',
  'driver',
  'aftersales',
  'aftersales-lead',
] as const;
export type Role = (typeof ROLES)[number];

export type ScopeClaim = 'canteenId' | 'supplierId' | 'driverId';
export const SCOPE_CLAIM: Partial<Record<Role, ScopeClaim>> = {
  canteen: 'canteenId',
  supplier: 'supplierId',
  driver: 'driverId',
};

export interface Session {
  token: string;
  expiresAt: string;
  sub: string;
  role: Role;
  canteenId?: string;
  supplierId?: string;
  driverId?: string;
}
