/** createApp(deps): the express app — security headers, health, admin panel, error handling. */
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { PrismaClient } from '@prisma/client';
import { createAdmin } from './admin/admin.js';
import { offlineAssetsRouter } from './admin/offline-assets.js';
import { ADMIN_ROOT } from './admin/paths.js';
import { adminRouter } from './admin/router.js';
import type { Config } from './config.js';
import type { Services } from './domain/services.js';
import { errorHandler, notFound } from './http/errors.js';
import { healthRoutes } from './http/health.js';
import { recordRequestOrigin } from './http/origin-context.js';
import { rejectCrossSiteRequests } from './http/request-origin.js';
import { createSessionMiddleware, SESSION_COOKIE_NAME } from './http/session.js';

export interface AppDeps {
  config: Pick<Config, 'sessionSecret' | 'nodeEnv'>;
  prisma: PrismaClient;
  services: Services;
  logError?: (message: string, error: unknown) => void;
}

export interface App {
  app: Express;
  /** Releases what the app holds besides the database (the session store's sweep). */
  close(): void;
}

export function createApp({ config, prisma, services, logError = console.error }: AppDeps): App {
  const app = express();
  app.disable('x-powered-by');
  // AdminJS's pages rely on inline scripts; its CSP is configured with the production setup.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false, referrerPolicy: { policy: 'same-origin' } }));

  app.use(recordRequestOrigin);
  app.use(healthRoutes(prisma));
  app.get('/', (_req, res) => res.redirect(ADMIN_ROOT));
  app.use(offlineAssetsRouter());

  const sessions = createSessionMiddleware(prisma, {
    secret: config.sessionSecret,
    secureCookies: config.nodeEnv === 'production',
  });
  const admin = createAdmin(prisma, services);
  // No body parser before the admin router: AdminJS parses its own (multipart) bodies.
  app.use(ADMIN_ROOT, rejectCrossSiteRequests, sessions.middleware, adminRouter(admin, services, SESSION_COOKIE_NAME, logError));

  app.use(notFound);
  app.use(errorHandler(logError));
  return { app, close: sessions.close };
}
