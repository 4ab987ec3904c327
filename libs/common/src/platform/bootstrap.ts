import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Connection } from 'mongoose';
import { Logger } from 'nestjs-pino';
import { ServiceConfig } from '../config/service-config';

/** What every service does to its app before listening; the test harness does the same. */
export async function configureApp(app: INestApplication, service: string): Promise<void> {
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await ensureIndexes(app);
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
): Promise<void> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  await configureApp(app, service);
  const port = app.get(ServiceConfig).PORT ?? defaultPort;
  await app.listen(port, '0.0.0.0');
  app.get(Logger).log(`${service} listening on http://127.0.0.1:${port} (docs at /docs)`);
}
