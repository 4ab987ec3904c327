import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Role } from './roles';

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/**
 * Roles allowed on a handler or controller. Endpoints without it (and not @Public) are denied.
 * The OpenAPI document lists them as `x-roles`, so clients and the fuzzer know who may call.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

/** Health, metrics and docs only. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
