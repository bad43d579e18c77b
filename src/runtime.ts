/** What every entry point (server, CLI, tests) does first: config, migrations, database, services. */
import type { PrismaClient } from '@prisma/client';
import type { Config } from './config/config.js';
import { createPrismaClient } from './db/client.js';
import { applyMigrations } from './db/migrate.js';
import { createServices, type Services } from './domain/services.js';
import { createLogger, type Logger } from './logger.js';
import { createMailSender } from './mail/mail-sender.js';

export interface Runtime {
  config: Config;
  prisma: PrismaClient;
  services: Services;
  appliedMigrations: string[];
}

/** `logger` receives what the services log (development mails); by default one as configured. */
export async function startRuntime(
  config: Config,
  logger: Logger = createLogger(config.logLevel, { format: config.logFormat }),
): Promise<Runtime> {
  const appliedMigrations = await applyMigrations(config.databaseUrl);
  const prisma = createPrismaClient(config.databaseUrl);
  const mail = createMailSender({ smtpUrl: config.smtpUrl, from: config.mailFrom, nodeEnv: config.nodeEnv, logger });
  const services = createServices({
    prisma,
    defaultPhoneRegion: config.defaultPhoneRegion,
    mail,
    publicUrl: config.publicUrl,
    onImportError: (error, importId) => logger.error({ err: error, importId }, 'A customer import stopped'),
  });
  return { config, prisma, services, appliedMigrations };
}
