import type { Role } from '@app/common';

/** Procurement staff who may read the catalogue, prices and stock. */
export const STAFF: Role[] = ['buyer', 'cost-accountant', 'ops-manager', 'chef', 'warehouse'];
