import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * Environment, validated once at boot. A bad value stops the service with a message that
 * names the variable and the reason.
 */
export class ServiceConfig {
  /** Comma-separated host:port list. */
  @Matches(/^[^,\s:]+:\d+(,[^,\s:]+:\d+)*$/, {
    message: 'KAFKA_BROKERS must be host:port[,host:port…]',
  })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGO_URL must be a mongodb:// URL' })
  MONGO_URL = 'mongodb://127.0.0.1:27017';

  /** Database name; defaults to the service name. */
  @IsOptional() @IsString() @MinLength(1) MONGO_DB?: string;

  /** `production` refuses to start without a configured token key and hides /docs by default. */
  @IsIn(['development', 'test', 'production'], {
    message: 'NODE_ENV must be development, test or production',
  })
  NODE_ENV = 'development';

  /**
   * HS256 key of bearer tokens (shared-secret mode). Outside production it defaults to
   * DEV_JWT_SECRET so a checkout runs as is; production never accepts that default.
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET?: string;

  /** The identity provider's key set: RS256 / ES256 tokens are verified against it. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'JWT_JWKS_URL must be an http(s) URL' },
  )
  JWT_JWKS_URL?: string;

  /** Required `iss` of JWKS tokens. */
  @IsOptional() @IsString() @MinLength(1) JWT_ISSUER?: string;

  /** Required `aud` of JWKS tokens. */
  @IsOptional() @IsString() @MinLength(1) JWT_AUDIENCE?: string;

  /** Longest lifetime (`exp` − `iat`, and `exp` − now) a token may have; every token needs `exp`. */
  @Transform(({ value }: { value: unknown }) => Number(value))
  @IsInt({ message: 'JWT_MAX_TTL_SECONDS must be an integer' })
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_MAX_TTL_SECONDS = 24 * 3600;

  /** Address the HTTP server binds to; containers set 0.0.0.0. */
  @IsString()
  @Matches(/^[\w.:-]+$/, { message: 'HOST must be an address or host name' })
  HOST = '127.0.0.1';

  /**
   * When set, /metrics is served on this port only (bound to METRICS_HOST), not on PORT. Unset,
   * development serves it on PORT and production does not serve it at all.
   */
  @Transform(({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value)))
  @IsOptional()
  @IsInt({ message: 'METRICS_PORT must be an integer' })
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  @IsString()
  @Matches(/^[\w.:-]+$/, { message: 'METRICS_HOST must be an address or host name' })
  METRICS_HOST = '127.0.0.1';

  /** /docs and /docs-json; default: on, except in production. */
  @Transform(({ value }: { value: unknown }) =>
    value === undefined ? undefined : value === true || value === 'true' || value === '1',
  )
  @IsOptional()
  @IsBoolean()
  DOCS_ENABLED?: boolean;

  @Transform(({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value)))
  @IsOptional()
  @IsInt({ message: 'PORT must be an integer' })
  @Min(0)
  @Max(65535)
  PORT?: number;

  /** Prefix of every topic and consumer group: isolates test runs sharing one broker. */
  @IsOptional()
  @Matches(/^[a-zA-Z0-9_-]*$/, {
    message: 'KAFKA_NAMESPACE may hold only letters, digits, - and _',
  })
  KAFKA_NAMESPACE = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * Period of the relay's scan for events another instance left unpublished (it crashed and did
   * not come back); 0 = only at start-up. Writes in this process are published at once, by
   * `_id`, without waiting. Off by default: on the embedded development server the scan reads
   * every document of the outbox collections (measured: about 90 % of a core with 100,000
   * orders stored and a 30 s period); on MongoDB it is an `outboxAt` index lookup, so
   * deployments whose instances can vanish for good set it (docker-compose: 5 min).
   */
  @Transform(({ value }: { value: unknown }) => Number(value))
  @IsInt()
  @Min(0)
  OUTBOX_POLL_MS = 0;

  /**
   * Longest wait for the broker to acknowledge one relay batch. Past it the batch counts as
   * failed (retried with backoff; consumers drop a copy that did arrive) and the producer is
   * replaced: seen on the three-broker cluster, a kafkajs send that never settled after a
   * broker's restart held the relay, and with it every later event of that process.
   */
  @Transform(({ value }: { value: unknown }) => Number(value))
  @IsInt()
  @Min(1000)
  OUTBOX_PUBLISH_TIMEOUT_MS = 30_000;

  /** Consumer attempts before a message goes to the dead-letter topic. */
  @Transform(({ value }: { value: unknown }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(20)
  CONSUMER_MAX_ATTEMPTS = 3;

  /**
   * Consumer group session timeout (rebalance timeout: twice it). A member that sends no
   * heartbeat for this long is evicted; handlers and retry waits heartbeat well within it.
   */
  @Transform(({ value }: { value: unknown }) => Number(value))
  @IsInt()
  @Min(6_000)
  @Max(300_000)
  CONSUMER_SESSION_TIMEOUT_MS = 30_000;

  /**
   * `/health/ready` fails when the oldest unpublished outbox entry, or a partition held back
   * by retries of a transient failure, is older than this.
   */
  @Transform(({ value }: { value: unknown }) => Number(value))
  @IsInt()
  @Min(1_000)
  READY_MAX_LAG_MS = 30_000;

  /** Period of the services' timer sweeps (SLA, follow-ups); 0 disables the interval. */
  @Transform(({ value }: { value: unknown }) => Number(value))
  @IsInt()
  @Min(0)
  TIMER_SWEEP_MS = 10_000;
}

/** The shared secret of a development checkout; refused in production. */
export const DEV_JWT_SECRET = 'dev-only-secret-change-me-in-prod';

const OPTIONAL = [
  'PORT',
  'MONGO_DB',
  'JWT_SECRET',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'METRICS_PORT',
  'DOCS_ENABLED',
];

/**
 * For ConfigModule: fails the boot on a bad variable and hands the environment back unchanged.
 * Returning the config instead would have ConfigModule write every default into process.env,
 * where child processes started later (the fault suite's services) inherit them as if set:
 * OUTBOX_POLL_MS=0 switched off the survivors' orphan scan.
 */
export function validateEnvironment(env: Record<string, unknown>): Record<string, unknown> {
  loadServiceConfig(env as NodeJS.ProcessEnv);
  return env;
}

export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const known = Object.keys(new ServiceConfig());
  const provided = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => (known.includes(k) || OPTIONAL.includes(k)) && v !== ''),
  );
  const config = plainToInstance(ServiceConfig, { ...new ServiceConfig(), ...provided });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map(
        (m) => `  ${e.property}=${JSON.stringify(e.value)}: ${m}`,
      ),
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return withTokenKeys(config);
}

/** Which keys verify tokens: production names them, development falls back to DEV_JWT_SECRET. */
function withTokenKeys(config: ServiceConfig): ServiceConfig {
  const problems: string[] = [];
  if (config.NODE_ENV === 'production') {
    if (!config.JWT_SECRET && !config.JWT_JWKS_URL)
      problems.push('  JWT_SECRET or JWT_JWKS_URL: production needs a configured token key');
    if (config.JWT_SECRET === DEV_JWT_SECRET)
      problems.push('  JWT_SECRET: the development secret is not accepted in production');
  } else {
    config.JWT_SECRET ??= DEV_JWT_SECRET;
  }
  if (config.JWT_JWKS_URL && (!config.JWT_ISSUER || !config.JWT_AUDIENCE))
    problems.push('  JWT_ISSUER and JWT_AUDIENCE: required with JWT_JWKS_URL');
  if (problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  config.DOCS_ENABLED ??= config.NODE_ENV !== 'production';
  return config;
}
