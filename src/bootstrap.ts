/** What every entry point (server, CLI, tests) does first: config, migrations, database, services. */
import { existsSync } from 'node:fs';
import type { PrismaClient } from '@prisma/client';
import { loadConfig, type Config } from './config.js';
import { createPrismaClient } from './db/client.js';
import { applyMigrations } from './db/migrate.js';
import { createServices, type Services } from './domain/services.js';

export interface Runtime {
  config: Config;
  prisma: PrismaClient;
  services: Services;
  appliedMigrations: string[];
}

/** Reads `.env` from the working directory if there is one (real environment variables win). */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function startRuntime(env: NodeJS.ProcessEnv = process.env): Runtime {
  const config = loadConfig(env);
  const appliedMigrations = applyMigrations(config.databaseUrl);
  const prisma = createPrismaClient(config.databaseUrl);
  const services = createServices({ prisma, defaultPhoneRegion: config.defaultPhoneRegion });
  return { config, prisma, services, appliedMigrations };
}
