import { SetMetadata } from '@nestjs/common';
import { Role } from './roles';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/** Roles allowed on a handler or controller. Endpoints without it (and not @Public) are denied. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Health, metrics and docs only. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
