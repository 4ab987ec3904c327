import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import type { Request, Response } from 'express';
import mongoose from 'mongoose';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AuthGuard } from '../auth/auth.guard';
import { ClockModule } from '../clock/clock.module';
import { loadServiceConfig, ServiceConfig, validateEnvironment } from '../config/service-config';
import { ErrorResponseFilter } from '../errors/error-response.filter';
import { HealthController } from '../health/health.controller';
import { KafkaHealthIndicator } from '../health/kafka.health';
import { loggerParams } from '../logging/logging';
import { EventConsumer } from '../messaging/event-consumer';
import { EventFactory } from '../messaging/event-factory';
import { KafkaService } from '../messaging/kafka.service';
import { MessagingMetrics } from '../messaging/messaging.metrics';
import { outboxPlugin } from '../messaging/outbox';
import { OutboxRelay } from '../messaging/outbox-relay';
import { ProcessedEvent, ProcessedEventSchema } from '../messaging/processed-event.schema';
import { MetricsController } from '../metrics/metrics.controller';
import { strictValidationPipe } from '../validation/validation';
import { ClaimRecord, ClaimSchema } from './claims/claim.schema';
import { ClaimsService } from './claims/claims.service';
import { OUTBOX_MODELS, SERVICE_NAME } from './tokens';

export interface PlatformOptions {
  /** `orders`, `procurement`, `delivery` or `aftersales`. */
  service: string;
  /** Mongoose model names whose documents carry an outbox (see messaging/outbox.ts). */
  outboxModels: string[];
}

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Everything a service needs besides its features: validated config, clock, MongoDB,
 * Kafka (outbox relay + idempotent consumer), auth, validation, errors, logs, health,
 * metrics. Each app module imports `PlatformModule.forRoot(...)` once.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: validateEnvironment,
        }),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: Request) => {
              const given = req.headers[CORRELATION_HEADER];
              return typeof given === 'string' && /^[\w-]{1,100}$/.test(given)
                ? given
                : randomUUID();
            },
            setup: (cls, _req: Request, res: Response) => {
              res.setHeader(CORRELATION_HEADER, cls.getId());
            },
          },
        }),
        LoggerModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) => loggerParams(config, options.service),
        }),
        ClockModule,
        MongooseModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) => {
            // Each query otherwise captures a stack trace, only to name a query run twice.
            mongoose.set('skipOriginalStackTraces', true);
            return {
              uri: config.MONGO_URL,
              dbName: config.MONGO_DB ?? options.service,
              serverSelectionTimeoutMS: 5000,
              connectionFactory: (connection: { plugin: (fn: typeof outboxPlugin) => void }) => {
                connection.plugin(outboxPlugin);
                return connection;
              },
            };
          },
        }),
        MongooseModule.forFeature([
          { name: ProcessedEvent.name, schema: ProcessedEventSchema },
          { name: ClaimRecord.name, schema: ClaimSchema },
        ]),
        JwtModule.registerAsync({
          inject: [ServiceConfig],
          // Keys are chosen per token by AuthGuard (shared secret or the JWKS).
          useFactory: (config: ServiceConfig) => ({
            ...(config.JWT_SECRET ? { secret: config.JWT_SECRET } : {}),
            verifyOptions: { algorithms: ['HS256'] },
          }),
        }),
        ScheduleModule.forRoot(),
        TerminusModule,
        DiscoveryModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ServiceConfig, useFactory: () => loadServiceConfig() },
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: OUTBOX_MODELS, useValue: options.outboxModels },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        KafkaService,
        KafkaHealthIndicator,
        MessagingMetrics,
        EventFactory,
        OutboxRelay,
        EventConsumer,
        ClaimsService,
      ],
      exports: [
        ServiceConfig,
        SERVICE_NAME,
        KafkaService,
        EventFactory,
        OutboxRelay,
        ClaimsService,
        MongooseModule,
      ],
    };
  }
}
