import type { Role } from './roles';

/** A desk of the console: one route, shown only to the roles that work there. */
export interface Desk {
  key: 'canteen' | 'procurement' | 'kitchen' | 'dispatch' | 'driver' | 'aftersales';
  path: string;
  roles: readonly Role[];
}

export const DESKS: readonly Desk[] = [
  { key: 'canteen', path: '/canteen', roles: ['canteen'] },
  {
    key: 'procurement',
    path: '/procurement',
    roles: ['buyer', 'cost-accountant', 'ops-manager', 'chef', 'warehouse', 'supplier'],
  },
  { key: 'kitchen', path: '/kitchen', roles: ['chef', 'ops-manager', 'buyer'] },
  { key: 'dispatch', path: '/dispatch', roles: ['dispatcher', 'ops-manager'] },
  { key: 'driver', path: '/driver', roles: ['driver'] },
  { key: 'aftersales', path: '/aftersales', roles: ['aftersales', 'aftersales-lead'] },
];

/** The desks a role sees in the menu (the services still decide every action). */
export function desksFor(role: Role): Desk[] {
  return DESKS.filter((d) => d.roles.includes(role));
}

/** Where a role lands after signing in. */
export function homeOf(role: Role): string {
  return desksFor(role)[0]?.path ?? '/';
}

/** The sections of the week's procurement round, each for the roles that act or read there. */
export const ROUND_SECTIONS = {
  survey: ['buyer', 'ops-manager', 'cost-accountant'],
  quotes: ['supplier', 'buyer', 'cost-accountant', 'ops-manager'],
  verification: ['cost-accountant', 'ops-manager'],
  approval: ['ops-manager'],
  'purchase-orders': ['buyer', 'supplier', 'chef', 'warehouse', 'ops-manager'],
  receipt: ['chef', 'warehouse'],
  stock: ['warehouse', 'chef', 'buyer', 'ops-manager', 'cost-accountant'],
  replenishment: ['buyer', 'ops-manager', 'warehouse'],
  statement: ['buyer', 'ops-manager', 'cost-accountant', 'supplier'],
} as const satisfies Record<string, readonly Role[]>;
export type RoundSection = keyof typeof ROUND_SECTIONS;

export function roundSectionsFor(role: Role): RoundSection[] {
  return (Object.keys(ROUND_SECTIONS) as RoundSection[]).filter((s) =>
    (ROUND_SECTIONS[s] as readonly Role[]).includes(role),
  );
}
