/** Process entry: config → migrations → database → first superuser → app → listen; graceful shutdown. */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(config: Config): Promise<void> {
  // Loaded after the configuration is known to be good, so a bad variable is reported at once.
  const [{ startRuntime }, { createApp }, { ensureFirstSuperuser }] = await Promise.all([
    import('./bootstrap.js'),
    import('./app.js'),
    import('./domain/accounts/bootstrap.js'),
  ]);
  const { prisma, services, appliedMigrations } = startRuntime(config);
  if (appliedMigrations.length > 0) console.log(`Applied migrations: ${appliedMigrations.join(', ')}`);
  if (config.sessionSecretIsFallback) {
    console.warn('SESSION_SECRET is not set: using a development-only secret. Set SESSION_SECRET (≥ 32 chars) for any real use.');
  }
  if (config.nodeEnv !== 'production') {
    // AdminJS serves a stale component bundle from .adminjs before rebuilding it.
    rmSync('.adminjs', { recursive: true, force: true });
  }

  const bootstrap = await ensureFirstSuperuser(prisma, services.users, { email: config.adminEmail, password: config.adminPassword });
  const { app, close } = createApp({ config, prisma, services });
  const server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Customer Back-office is serving the admin panel at http://${config.host}:${port}/admin`);
    if (bootstrap.created) printFirstSuperuser(bootstrap.email, bootstrap.generatedPassword);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing open requests, then stopping.`);
    const forceExit = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(async () => {
      close();
      await prisma.$disconnect();
      clearTimeout(forceExit);
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function printFirstSuperuser(email: string, generatedPassword: string | null): void {
  const lines = generatedPassword
    ? [`First superuser created: ${email}`, `Password: ${generatedPassword}`, 'It is shown only this once: sign in and change it (npm run changepassword).']
    : [`First superuser created from ADMIN_EMAIL: ${email} (password from ADMIN_PASSWORD).`];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '='.repeat(width + 4);
  console.log(['', rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule, ''].join('\n'));
}

try {
  loadDotEnv();
  await main(loadConfig());
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
