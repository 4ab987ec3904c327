import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Max, Min, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';

/**
 * The delivery service's own settings, validated at boot like the shared ServiceConfig: a bad
 * value stops the service with a message naming the variable.
 */
export class DeliveryConfig {
  /** R-DEL-5: how long before the deadline a late-looking delivery is reported at risk. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'AT_RISK_LEAD_MINUTES must be an integer' })
  @Min(1)
  @Max(24 * 60)
  AT_RISK_LEAD_MINUTES = 120;

  /** Where the project manager's notifications are posted; unset = stored and listed only. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true },
    { message: 'PROJECT_MANAGER_WEBHOOK_URL must be a URL' },
  )
  PROJECT_MANAGER_WEBHOOK_URL?: string;

  /** Per webhook call; a receiver slower than this counts as a failed attempt. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'WEBHOOK_TIMEOUT_MS must be an integer' })
  @Min(100)
  WEBHOOK_TIMEOUT_MS = 5_000;
}

export function loadDeliveryConfig(env: NodeJS.ProcessEnv = process.env): DeliveryConfig {
  const known = Object.keys(new DeliveryConfig()).concat('PROJECT_MANAGER_WEBHOOK_URL');
  const provided = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => known.includes(k) && v !== undefined && v !== ''),
  );
  const config = plainToInstance(DeliveryConfig, { ...new DeliveryConfig(), ...provided });
  const errors = validateSync(config);
  if (errors.length > 0) {
    const lines = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map(
        (m) => `  ${e.property}=${JSON.stringify(e.value)}: ${m}`,
      ),
    );
    throw new Error(`Invalid delivery configuration:\n${lines.join('\n')}`);
  }
  return config;
}
