import { resolve } from 'node:path';

export const UPSTREAM_SERVICES = ['orders', 'procurement', 'delivery', 'aftersales'] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

export interface ConsoleConfig {
  port: number;
  staticDir: string;
  upstreams: Record<UpstreamService, string>;
  /** Development token issuer for the sign-in page; never in production. */
  devTokens: boolean;
  jwtSecret: string;
  tokenTtlSeconds: number;
}

const DEFAULT_PORTS: Record<UpstreamService, number> = {
  orders: 3001,
  procurement: 3002,
  delivery: 3003,
  aftersales: 3004,
};

/** Reads the environment; a bad value stops the server with a message naming the variable. */
export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port, got ${env.PORT}`);
  }
  const upstreams = {} as Record<UpstreamService, string>;
  for (const svc of UPSTREAM_SERVICES) {
    const name = `${svc.toUpperCase()}_URL`;
    const url = env[name] ?? `http://127.0.0.1:${DEFAULT_PORTS[svc]}`;
    if (!/^https?:\/\/[^/]+/.test(url))
      throw new Error(`${name} must be an http(s) URL, got ${url}`);
    upstreams[svc] = url.replace(/\/+$/, '');
  }
  const jwtSecret = env.JWT_SECRET ?? 'dev-only-secret-change-me-in-prod';
  if (jwtSecret.length < 16) throw new Error('JWT_SECRET must have at least 16 characters');
  const ttlHours = Number(env.CONSOLE_TOKEN_TTL_HOURS ?? 8);
  if (!(ttlHours > 0 && ttlHours <= 12)) {
    throw new Error('CONSOLE_TOKEN_TTL_HOURS must be a number of hours in (0, 12]');
  }
  return {
    port,
    staticDir: resolve(
      env.CONSOLE_STATIC_DIR ?? resolve(__dirname, '../../../../apps/console/dist'),
    ),
    upstreams,
    devTokens: env.NODE_ENV !== 'production',
    jwtSecret,
    tokenTtlSeconds: Math.round(ttlHours * 3600),
  };
}
