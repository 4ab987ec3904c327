import { INestApplication, Type } from '@nestjs/common';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Connection } from 'mongoose';
import { Logger } from 'nestjs-pino';
import { createServer, type Server } from 'node:http';
import { register } from 'prom-client';
import { MetricsController } from '../metrics/metrics.controller';
import { DEV_JWT_SECRET, ServiceConfig } from '../config/service-config';
import { BINARY_UPLOAD_ROUTES, hardenHttp } from './http-hardening';
import { completeContract } from './openapi-contract';

/** What every service does to its app before listening; the test harness does the same. */
export async function configureApp(app: INestApplication, service: string): Promise<void> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  hardenHttp(app, binaryUploadRoutes(app));
  const config = app.get(ServiceConfig);
  if (config.DOCS_ENABLED) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(`central kitchen — ${service}`)
        .setDescription(
          `The ${service} service API. Money is yuan strings ("20.00"); quantities are integers in base units.`,
        )
        .setVersion('1.0')
        .addBearerAuth()
        .addSecurityRequirements('bearer')
        .build(),
    );
    SwaggerModule.setup('docs', app, completeContract(document), { jsonDocumentUrl: 'docs-json' });
  }
  await ensureIndexes(app);
}

/** The raw-upload routes a service declares under BINARY_UPLOAD_ROUTES; none by default. */
function binaryUploadRoutes(app: INestApplication): RegExp[] {
  // Through ModuleRef: the application object of NestFactory exits the process on a lookup
  // miss (abortOnError) instead of throwing.
  try {
    return app.get(ModuleRef).get<symbol, RegExp[]>(BINARY_UPLOAD_ROUTES, { strict: false });
  } catch {
    return [];
  }
}

/** Unique indexes carry idempotency, so they must exist before the first message. */
async function ensureIndexes(app: INestApplication): Promise<void> {
  const connection = app.get<Connection>(getConnectionToken());
  await Promise.all(Object.values(connection.models).map((model) => model.init()));
}

export async function runService(
  module: Type<unknown>,
  service: string,
  defaultPort: number,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  await configureApp(app, service);
  const config = app.get(ServiceConfig);
  const logger = app.get(Logger);
  const port = config.PORT ?? defaultPort;
  await app.listen(port, config.HOST);
  logger.log(
    `${service} listening on http://${config.HOST}:${port}` +
      (config.DOCS_ENABLED ? ' (docs at /docs)' : ' (docs disabled)'),
  );
  if (config.JWT_SECRET === DEV_JWT_SECRET)
    logger.warn('tokens are verified with the development secret; set JWT_SECRET or JWT_JWKS_URL');
  if (config.METRICS_PORT !== undefined) {
    const metrics = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      app
        .get(MetricsController)
        .render()
        .then(
          (text) => res.writeHead(200, { 'Content-Type': register.contentType }).end(text),
          () => res.writeHead(500).end(),
        );
    });
    metrics.listen(config.METRICS_PORT, config.METRICS_HOST);
    (app.getHttpServer() as Server).on('close', () => metrics.close());
    logger.log(
      `${service} metrics on http://${config.METRICS_HOST}:${config.METRICS_PORT}/metrics`,
    );
  }
  return app;
}
