import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { ServiceConfig } from '../config/service-config';
import { DomainError } from '../errors/domain-error';
import { CALLER_KEY } from './caller.decorator';
import { JWKS_ALGORITHMS, JwksKeySet } from './jwks';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { Caller, Role, ROLES, SCOPE_CLAIM } from './roles';

/** Tolerated difference between our clock and the token issuer's. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * Global guard: a valid bearer token whose role is listed by @Roles. Default deny.
 * HS256 tokens are verified with JWT_SECRET, RS256 / ES256 tokens against JWT_JWKS_URL with
 * JWT_ISSUER and JWT_AUDIENCE; every token must carry `exp` within JWT_MAX_TTL_SECONDS.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly jwks?: JwksKeySet;
  private readonly sharedKey?: KeyObject;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly config: ServiceConfig,
  ) {
    if (config.JWT_JWKS_URL) this.jwks = new JwksKeySet(config.JWT_JWKS_URL);
    // A string secret makes jsonwebtoken try it as a public key first, and fail, on every request.
    if (config.JWT_SECRET) this.sharedKey = createSecretKey(Buffer.from(config.JWT_SECRET));
  }

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
      claims = await this.verify(token);
    } catch (e) {
      throw unauthenticated(`invalid token: ${(e as Error).message}`);
    }
    this.assertLifetime(claims);
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

  private async verify(token: string): Promise<Record<string, unknown>> {
    const decoded = this.jwt.decode<{ header?: { alg?: unknown; kid?: unknown } } | null>(token, {
      complete: true,
    });
    const alg = decoded?.header?.alg;
    if (alg === 'HS256') {
      if (!this.sharedKey) throw new Error('shared-secret tokens are not accepted here');
      return this.jwt.verifyAsync(token, {
        secret: this.sharedKey as unknown as Buffer, // a KeyObject; jsonwebtoken takes it as is
        algorithms: ['HS256'],
        clockTolerance: CLOCK_SKEW_SECONDS,
      });
    }
    if (this.jwks && (JWKS_ALGORITHMS as readonly unknown[]).includes(alg)) {
      const kid = decoded?.header?.kid;
      const key = await this.jwks.keyFor(typeof kid === 'string' ? kid : undefined, alg as string);
      return this.jwt.verifyAsync(token, {
        publicKey: key,
        algorithms: [...JWKS_ALGORITHMS],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        clockTolerance: CLOCK_SKEW_SECONDS,
      });
    }
    throw new Error(`algorithm ${typeof alg === 'string' ? alg : '(none)'} is not accepted`);
  }

  /** Every token expires, and none is valid for longer than JWT_MAX_TTL_SECONDS. */
  private assertLifetime(claims: Record<string, unknown>): void {
    const max = this.config.JWT_MAX_TTL_SECONDS;
    const { exp, iat } = claims;
    if (typeof exp !== 'number') throw unauthenticated('token must carry exp');
    const now = Math.floor(Date.now() / 1000);
    const lifetime = typeof iat === 'number' ? exp - iat : exp - now;
    if (lifetime > max || exp - now > max + CLOCK_SKEW_SECONDS) {
      throw unauthenticated(`token lifetime exceeds ${max} s`);
    }
  }
}

function unauthenticated(message: string): DomainError {
  return new DomainError('AUTH.UNAUTHENTICATED', message, 'unauthenticated');
}
