/** createApp(deps): the express app — request log, security headers, compression, health, admin panel, error handling. */
import compression from 'compression';
import express, { type Express } from 'express';
import type { PrismaClient } from '@prisma/client';
import { createAdmin } from './admin/admin.js';
import { API_ROOT } from './api/paths.js';
import { createApiRouter } from './api/router.js';
import { offlineAssetsRouter } from './admin/offline-assets.js';
import { ADMIN_ROOT } from './admin/paths.js';
import { requireHttps } from './admin/require-https.js';
import { adminRouter } from './admin/router.js';
import type { Config } from './config/config.js';
import type { Services } from './domain/services.js';
import { benchCeilingRoute } from './http/bench-ceiling.js';
import { errorHandler, notFound } from './http/errors.js';
import { healthRoutes } from './http/health.js';
import { recordAuditContext } from './http/audit-context-middleware.js';
import { requestLogger } from './http/request-log.js';
import { rejectCrossSiteRequests } from './http/cross-site-guard.js';
import { securityHeaders } from './http/security-headers.js';
import { createSessionMiddleware, SESSION_COOKIE_NAME } from './http/session.js';
import { createLogger, type Logger } from './logger.js';

export interface AppDeps {
  config: Pick<Config, 'sessionSecret' | 'nodeEnv'> &
    Partial<Pick<Config, 'trustProxy' | 'corsOrigins' | 'publicOrigin' | 'requireIfMatch'>>;
  prisma: PrismaClient;
  services: Services;
  /** Request lines and errors. Default: errors only (quiet in tests). */
  logger?: Logger;
  /** Mounts /bench/ceiling, for `npm run bench` only. */
  benchCeiling?: boolean;
}

export interface App {
  app: Express;
  /** Releases what the app holds besides the database (the session store's sweep). */
  close: () => void;
}

export function createApp({
  config,
  prisma,
  services,
  logger = createLogger('error'),
  benchCeiling = false,
}: AppDeps): App {
  const production = config.nodeEnv === 'production';
  const logError = (message: string, error: unknown) => logger.error({ err: error }, message);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ?? false);
  app.use(requestLogger(logger));
  app.use(securityHeaders({ production }));
  app.use(compression());

  app.use(recordAuditContext);
  app.use(healthRoutes(prisma));
  if (benchCeiling) app.use(benchCeilingRoute());
  app.get('/', (_req, res) => res.redirect(ADMIN_ROOT));
  app.use(offlineAssetsRouter());
  // The REST API parses its own JSON bodies; no session (token auth).
  app.use(
    API_ROOT,
    createApiRouter({
      services,
      sessionSecret: config.sessionSecret,
      corsOrigins: config.corsOrigins ?? [],
      requireIfMatch: config.requireIfMatch ?? false,
      logger,
    }),
  );

  const sessions = createSessionMiddleware(prisma, {
    secret: config.sessionSecret,
    secureCookies: production,
    logError,
  });
  const admin = createAdmin(prisma, services);
  // No body parser before the admin router: it reads its own (admin/panel-body.ts), bounded.
  app.use(
    ADMIN_ROOT,
    rejectCrossSiteRequests({ publicOrigin: config.publicOrigin }),
    requireHttps({ secureCookies: production }),
    sessions.middleware,
    adminRouter(admin, services, SESSION_COOKIE_NAME, logError, (message, details) => logger.warn(details, message)),
  );

  app.use(notFound);
  app.use(errorHandler(logError));
  return { app, close: () => sessions.close() };
}
