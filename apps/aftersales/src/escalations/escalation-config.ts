import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Min, validateSync } from 'class-validator';

/**
 * Where escalations are pushed (R-AS-4), validated at boot: a bad value stops the service with a
 * message naming the variable. Without a URL notices are stored and listed only (`no-webhook`).
 */
export class EscalationConfig {
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true },
    { message: 'ESCALATION_WEBHOOK_URL must be a URL' },
  )
  ESCALATION_WEBHOOK_URL?: string;

  /** Per webhook call; a receiver slower than this counts as a failed attempt. */
  @Transform(({ value }) => Number(value))
  @IsInt({ message: 'ESCALATION_WEBHOOK_TIMEOUT_MS must be an integer' })
  @Min(100)
  ESCALATION_WEBHOOK_TIMEOUT_MS = 5_000;
}

const KNOWN = ['ESCALATION_WEBHOOK_URL', 'ESCALATION_WEBHOOK_TIMEOUT_MS'];

export function loadEscalationConfig(env: NodeJS.ProcessEnv = process.env): EscalationConfig {
  const provided = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => KNOWN.includes(k) && v !== undefined && v !== ''),
  );
  const config = plainToInstance(EscalationConfig, { ...new EscalationConfig(), ...provided });
  const errors = validateSync(config);
  if (errors.length > 0) {
    const lines = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map(
        (m) => `  ${e.property}=${JSON.stringify(e.value)}: ${m}`,
      ),
    );
    throw new Error(`Invalid aftersales configuration:\n${lines.join('\n')}`);
  }
  return config;
}
