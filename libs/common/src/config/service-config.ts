import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
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

  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET = 'dev-only-secret-change-me-in-prod';

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
   * Period of the relay's safety-net scan for unpublished events (a crash, another instance).
   * Writes in this process are published at once, by `_id`, without waiting for it.
   */
  @Transform(({ value }: { value: unknown }) => Number(value))
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 2_000;

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

export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const known = Object.keys(new ServiceConfig());
  const provided = Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) => (known.includes(k) || k === 'PORT' || k === 'MONGO_DB') && v !== '',
    ),
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
  return config;
}
