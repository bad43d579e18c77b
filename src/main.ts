/** Process entry: config → migrations → database → first superuser → app → listen; graceful shutdown. */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { usePrebuiltComponentsBundle } from './admin/prebuilt-bundle.js';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config/config.js';
import { startupWarnings } from './config/startup-warnings.js';
import { gracefulServer } from './http/graceful-shutdown.js';
import { createLogger, type Logger } from './logger.js';

/** How long in-flight requests may take to finish once SIGTERM/SIGINT has arrived. */
const SHUTDOWN_GRACE_MS = 10_000;
/** Closing the database gets this long after the grace period before the process gives up. */
const DISCONNECT_TIMEOUT_MS = 5_000;

async function main(config: Config, logger: Logger): Promise<void> {
  const production = config.nodeEnv === 'production';
  if (production) {
    usePrebuiltComponentsBundle();
  } else {
    // AdminJS serves a stale component bundle from .adminjs before rebuilding it.
    rmSync('.adminjs', { recursive: true, force: true });
  }
  // Loaded after the configuration is known to be good (a bad variable is reported at once) and
  // after AdminJS's bundle settings above, which it reads when it is loaded.
  const [{ startRuntime }, { createApp }, { ensureFirstSuperuser }] = await Promise.all([
    import('./runtime.js'),
    import('./app.js'),
    import('./domain/accounts/first-superuser.js'),
  ]);
  const { prisma, services, appliedMigrations } = await startRuntime(config, logger);
  if (appliedMigrations.length > 0)
    logger.info({ migrations: appliedMigrations }, `Applied migrations: ${appliedMigrations.join(', ')}`);
  // Completes the migration that added Customer.searchText (its value needs the app's normalisation),
  // in the background: until it is done, customers from before it are not found by a search.
  void services.customers.fillMissingSearchText().then(
    (filled) => filled > 0 && logger.info({ filled }, `Filled the search text of ${filled} customers`),
    (error: unknown) => logger.error({ err: error }, 'Filling the search text of customers failed'),
  );
  for (const warning of startupWarnings(config)) logger.warn(warning);
  if (config.sessionSecretIsFallback) {
    logger.warn(
      'SESSION_SECRET is not set: using a development-only secret. Set SESSION_SECRET (≥ 32 chars) for any real use.',
    );
  }

  const firstSuperuser = await ensureFirstSuperuser(prisma, services.users, {
    email: config.adminEmail,
    password: config.adminPassword,
  });
  // Not configuration but a hook of `npm run bench` (bench/load.ts), hence read here and nowhere else.
  const benchCeiling = process.env.BENCH_CEILING === 'on';
  const { app, close: closeApp } = createApp({ config, prisma, services, logger, benchCeiling });
  const server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    logger.info(`Customer Back-office is serving the admin panel at http://${config.host}:${port}/admin`);
    if (firstSuperuser.created)
      announceFirstSuperuser(logger, production, firstSuperuser.email, firstSuperuser.generatedPassword);
  });
  const graceful = gracefulServer(server);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      { signal },
      `${signal} received: no new connections; finishing open requests (at most ${SHUTDOWN_GRACE_MS / 1000} s), then stopping`,
    );
    const { forced } = await graceful.close(SHUTDOWN_GRACE_MS);
    if (forced) logger.warn('Grace period over: closed the connections of requests still unfinished');
    setTimeout(() => {
      logger.error('The database did not close in time');
      process.exit(1);
    }, DISCONNECT_TIMEOUT_MS).unref();
    closeApp();
    await prisma.$disconnect();
    logger.info('Stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * In development a box on the terminal, readable among the log lines. In production only the
 * email: a log line never holds a password, so a generated one is never usable there — the
 * operator sets one with changepassword (or sets ADMIN_EMAIL/ADMIN_PASSWORD before the first start).
 */
function announceFirstSuperuser(
  logger: Logger,
  production: boolean,
  email: string,
  generatedPassword: string | null,
): void {
  if (production) {
    if (generatedPassword) {
      logger.warn(
        { email },
        `First superuser created: ${email}, with a random password that production does not log. Set one: node dist/cli/changepassword.js --email ${email}`,
      );
    } else {
      logger.info({ email }, `First superuser created from ADMIN_EMAIL: ${email} (password from ADMIN_PASSWORD)`);
    }
    return;
  }
  const lines = generatedPassword
    ? [
        `First superuser created: ${email}`,
        `Password: ${generatedPassword}`,
        'It is shown only this once: sign in and change it (npm run changepassword).',
      ]
    : [`First superuser created from ADMIN_EMAIL: ${email} (password from ADMIN_PASSWORD).`];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '='.repeat(width + 4);
  console.log(['', rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule, ''].join('\n'));
}

try {
  loadDotEnv();
  const config = loadConfig();
  await main(config, createLogger(config.logLevel, { format: config.logFormat }));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
