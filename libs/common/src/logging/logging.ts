import { ClsServiceManager } from 'nestjs-cls';
import type { Params } from 'nestjs-pino';
import { ServiceConfig } from '../config/service-config';

/** JSON logs; every line carries the correlation id; secrets are redacted. */
export function loggerParams(config: ServiceConfig, service: string): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service },
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
      mixin: () => {
        const cls = ClsServiceManager.getClsService();
        return cls.isActive() ? { correlationId: cls.getId() } : {};
      },
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
    },
  };
}
