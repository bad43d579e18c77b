import { buildRouter } from '@adminjs/express';
import type AdminJS from 'adminjs';
import express, { type Router } from 'express';
import type { Services } from '../domain/services.js';
import { profileRoutes, publicAccountRoutes } from './account-pages/routes.js';
import { requireActionPermission } from './action-guard.js';
import { authRoutes, requireSignedIn } from './auth.js';
import { customerExportRoutes } from './customer-export-route.js';
import { panelPageExtras } from './offline-assets.js';
import { dropInheritedQueryKeys } from './query-keys.js';
import { panelBodies } from './panel-body.js';
import { keepEditableFields } from './editable-fields.js';
import { importRoutes } from './imports/import-routes.js';
import { scriptSafeInlineState } from './inline-state.js';

/** The panel under /admin: sign-in routes, then the guards, then AdminJS's own routes. */
export function adminRouter(
  admin: AdminJS,
  services: Services,
  sessionCookieName: string,
  logError: (message: string, error: unknown) => void,
  logWarn: (message: string, details: Record<string, unknown>) => void = () => {},
): Router {
  const router = express.Router();
  router.use(panelPageExtras);
  router.use(scriptSafeInlineState);
  router.use(authRoutes(services.authenticator, services.clock, sessionCookieName));
  router.use(publicAccountRoutes(services, logError));
  router.use(requireSignedIn(services.authenticator));
  router.use(profileRoutes(services));
  router.use(importRoutes(services));
  router.use(requireActionPermission(admin));
  router.use(customerExportRoutes(admin, services));
  router.use(dropInheritedQueryKeys);
  // Last before AdminJS's routes: everything mounted above (sign-in, account pages, an upload
  // route of its own) reads its own body; AdminJS's routes get theirs bounded, and no files.
  router.use(panelBodies(logWarn));
  router.use(keepEditableFields(admin));
  return buildRouter(admin, router);
}
