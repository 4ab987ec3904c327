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

/** The claim a scoped role's token must carry, and that scopes every query it makes. */
export const SCOPE_CLAIM: Partial<Record<Role, 'canteenId' | 'supplierId' | 'driverId'>> = {
  canteen: 'canteenId',
  supplier: 'supplierId',
  driver: 'driverId',
};

/** The authenticated caller, from the JWT. */
export interface Caller {
  sub: string;
  role: Role;
  canteenId?: string;
  supplierId?: string;
  driverId?: string;
}
