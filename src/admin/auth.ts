/**
 * Sign-in and sign-out for the panel, and the guard in front of it. Our own routes instead of
 * @adminjs/express's authenticated router, which neither regenerates the session id at login nor
 * re-checks the account on later requests.
 */
import express, { type RequestHandler, type Router } from 'express';
import { INVALID_CREDENTIALS_MESSAGE, type Authenticator } from '../domain/accounts/authentication.js';
import type { Clock } from '../domain/clock.js';
import { LOGIN_PATH, signInPage } from './account-pages/sign-in-page.js';
import { sessionAdminOf } from './current-admin.js';
import { asyncRoute } from '../http/async-route.js';
import { ADMIN_ROOT } from './paths.js';

/** GET/POST /login and /logout, relative to the admin root. */
export function authRoutes(authenticator: Authenticator, clock: Clock, sessionCookieName: string): Router {
  const router = express.Router();

  router.get(
    '/login',
    asyncRoute(async (req, res) => {
      if (req.session.adminUser) return res.redirect(ADMIN_ROOT);
      res.type('html').send(signInPage());
    }),
  );

  router.post(
    '/login',
    express.urlencoded({ extended: false, limit: '10kb' }),
    express.json({ limit: '10kb' }),
    asyncRoute(async (req, res, next) => {
      const { email, password } = (req.body ?? {}) as Record<string, unknown>;
      const result =
        typeof email === 'string' && typeof password === 'string' && email.length <= 254 && password.length <= 1024
          ? await authenticator.authenticate(email, password)
          : ({ ok: false, message: INVALID_CREDENTIALS_MESSAGE } as const);
      if (!result.ok) {
        res
          .status(result.message === INVALID_CREDENTIALS_MESSAGE ? 401 : 429)
          .type('html')
          // The email stays in the form (the password never does): a typo costs one field, not two.
          .send(signInPage({ email: typeof email === 'string' ? email : '', error: result.message }));
        return;
      }
      const { user } = result;
      // A new session id at sign-in: an id planted before login (session fixation) is worthless.
      req.session.regenerate((regenerateError) => {
        if (regenerateError) return next(regenerateError);
        req.session.adminUser = sessionAdminOf(user);
        req.session.signedInAt = clock().getTime();
        req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(ADMIN_ROOT)));
      });
    }),
  );

  const logout = asyncRoute(async (req, res, next) => {
    const userId = req.session.adminUser?.id;
    if (userId !== undefined) await authenticator.recordLogout(userId);
    req.session.destroy((error) => {
      if (error) return next(error);
      res.clearCookie(sessionCookieName, { path: '/' });
      res.redirect(LOGIN_PATH);
    });
  });
  router.get('/logout', logout);
  router.post('/logout', logout);
  return router;
}

/**
 * Lets only signed-in users with a still-valid account through (AdminJS's static assets excepted,
 * the login page needs them). The account is re-read on every request, so a deactivated user or a
 * changed password ends existing sessions at once, and a role change applies at once.
 */
export function requireSignedIn(authenticator: Authenticator): RequestHandler {
  return asyncRoute(async (req, res, next) => {
    if (req.path.startsWith('/frontend/assets/')) return next();
    const sessionAdmin = req.session.adminUser;
    const user = sessionAdmin ? await authenticator.sessionUser(sessionAdmin.id, req.session.signedInAt ?? 0) : null;
    if (!user) {
      if (sessionAdmin)
        await new Promise<void>((resolve, reject) =>
          req.session.destroy((error?: Error) => (error ? reject(error) : resolve())),
        );
      return res.redirect(LOGIN_PATH);
    }
    req.session.adminUser = sessionAdminOf(user);
    next();
  });
}
