/**
 * Prints a development token: `npm run token -- <role> [--canteenId X] [--supplierId X] [--driverId X] [--sub NAME] [--ttl SECONDS]`.
 * It is valid for an hour by default, never longer than JWT_MAX_TTL_SECONDS.
 */
import { loadServiceConfig, ServiceConfig } from '../config/service-config';
import { Caller, Role, ROLES, SCOPE_CLAIM } from './roles';
import { DEV_TOKEN_TTL_SECONDS, signToken } from './token';

function main(argv: string[]): void {
  const [role, ...rest] = argv;
  if (!ROLES.includes(role as Role)) {
    process.stderr.write(
      `usage: token <role> [--canteenId ID|--supplierId ID|--driverId ID] [--sub NAME] [--ttl SECONDS]\nroles: ${ROLES.join(', ')}\n`,
    );
    process.exit(2);
  }
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) options[rest[i].replace(/^--/, '')] = rest[i + 1];
  const claim = SCOPE_CLAIM[role as Role];
  if (claim && !options[claim]) {
    process.stderr.write(`a ${role} token needs --${claim}\n`);
    process.exit(2);
  }
  const caller: Caller = { sub: options.sub ?? `${role}-1`, role: role as Role };
  if (claim) caller[claim] = options[claim];
  let config: ServiceConfig;
  try {
    config = loadServiceConfig();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  if (!config.JWT_SECRET) {
    process.stderr.write(
      'no JWT_SECRET configured: tokens come from the identity provider (JWKS)\n',
    );
    process.exit(2);
  }
  const ttl = options.ttl === undefined ? DEV_TOKEN_TTL_SECONDS : Number(options.ttl);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > config.JWT_MAX_TTL_SECONDS) {
    process.stderr.write(`--ttl must be 1…${config.JWT_MAX_TTL_SECONDS} seconds\n`);
    process.exit(2);
  }
  process.stdout.write(`${signToken(caller, config.JWT_SECRET, ttl)}\n`);
}

main(process.argv.slice(2));
