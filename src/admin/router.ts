import { buildRouter } from '@adminjs/express';
import type AdminJS from 'adminjs';
import express, { type Router } from 'express';
import type { Authenticator } from '../domain/accounts/authentication.js';
import { requireActionPermission } from './action-guard.js';
import { authRoutes, requireSignedIn } from './auth.js';
import { selfHostedFontsInPages } from './offline-assets.js';
import { ADMIN_ROOT } from './paths.js';

/** The panel under /admin: sign-in routes, then the guards, then AdminJS's own routes. */
export function adminRouter(admin: AdminJS, authenticator: Authenticator, sessionCookieName: string): Router {
  const router = express.Router();
  router.use(selfHostedFontsInPages);
  router.use(authRoutes(admin, authenticator, sessionCookieName));
  router.use(requireSignedIn(authenticator));
  router.use(requireActionPermission(admin));
  // Like Django's admin index, the panel opens on its main model.
  router.get('/', (_req, res) => res.redirect(`${ADMIN_ROOT}/resources/Customer`));
  return buildRouter(admin, router);
}
