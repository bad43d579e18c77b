import { buildRouter } from '@adminjs/express';
import type AdminJS from 'adminjs';
import express, { type Router } from 'express';
import type { Services } from '../domain/services.js';
import { profileRoutes, publicAccountRoutes } from './account-pages/routes.js';
import { requireActionPermission } from './action-guard.js';
import { authRoutes, requireSignedIn } from './auth.js';
import { panelPageExtras } from './offline-assets.js';
import { dropInheritedQueryKeys } from './query-keys.js';

/** The panel under /admin: sign-in routes, then the guards, then AdminJS's own routes. */
export function adminRouter(
  admin: AdminJS,
  services: Services,
  sessionCookieName: string,
  logError: (message: string, error: unknown) => void,
): Router {
  const router = express.Router();
  router.use(panelPageExtras);
  router.use(authRoutes(admin, services.authenticator, services.clock, sessionCookieName));
  router.use(publicAccountRoutes(services, logError));
  router.use(requireSignedIn(services.authenticator));
  router.use(profileRoutes(services));
  router.use(requireActionPermission(admin));
  router.use(dropInheritedQueryKeys);
  return buildRouter(admin, router);
}
