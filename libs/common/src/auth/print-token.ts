/**
 * Prints a development token: `npm run token -- <role> [--canteenId X] [--supplierId X] [--driverId X] [--sub NAME]`.
 */
import { loadServiceConfig } from '../config/service-config';
import { Caller, Role, ROLES, SCOPE_CLAIM } from './roles';
import { signToken } from './token';

function main(argv: string[]): void {
  const [role, ...rest] = argv;
  if (!ROLES.includes(role as Role)) {
    process.stderr.write(
      `usage: token <role> [--canteenId ID|--supplierId ID|--driverId ID] [--sub NAME]\nroles: ${ROLES.join(', ')}\n`,
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
  process.stdout.write(`${signToken(caller, loadServiceConfig().JWT_SECRET)}\n`);
}

main(process.argv.slice(2));
