import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { CALLER_KEY } from './caller.decorator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { Caller, Role, ROLES, SCOPE_CLAIM } from './roles';

/** Global guard: a valid bearer token whose role is listed by @Roles. Default deny. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { [CALLER_KEY]?: Caller }>();
    const caller = await this.authenticate(request.headers.authorization);
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!allowed.includes(caller.role)) {
      throw new DomainError(
        'AUTH.ROLE_NOT_ALLOWED',
        `role ${caller.role} may not do this; allowed: ${allowed.join(', ') || 'nobody'}`,
        'forbidden',
      );
    }
    request[CALLER_KEY] = caller;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Caller> {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    if (!token) throw unauthenticated('missing Authorization: Bearer <token>');
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch (e) {
      throw unauthenticated(`invalid token: ${(e as Error).message}`);
    }
    const role = claims.role as Role;
    if (typeof claims.sub !== 'string' || !ROLES.includes(role)) {
      throw unauthenticated('token must carry sub and a known role');
    }
    const scopeClaim = SCOPE_CLAIM[role];
    if (scopeClaim && typeof claims[scopeClaim] !== 'string') {
      throw unauthenticated(`a ${role} token must carry ${scopeClaim}`);
    }
    return {
      sub: claims.sub,
      role,
      ...(scopeClaim ? { [scopeClaim]: claims[scopeClaim] as string } : {}),
    };
  }
}

function unauthenticated(message: string): DomainError {
  return new DomainError('AUTH.UNAUTHENTICATED', message, 'unauthenticated');
}
