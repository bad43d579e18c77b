import './session-types.js';
import type { PrismaClient } from '@prisma/client';
import session from 'express-session';
import type { RequestHandler } from 'express';
import { DatabaseSessionStore } from './session-store.js';

export const SESSION_COOKIE_NAME = 'backoffice.sid';
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface SessionMiddleware {
  middleware: RequestHandler;
  /** Stops the store's expiry sweep. */
  close(): void;
}

/** express-session with its sessions in the database, so every app instance sees the same ones. */
export function createSessionMiddleware(
  prisma: PrismaClient,
  options: { secret: string; secureCookies: boolean; logError: (message: string, error: unknown) => void },
): SessionMiddleware {
  const store = new DatabaseSessionStore(prisma, {
    lifetimeMs: SESSION_LIFETIME_MS,
    pruneEveryMs: 10 * 60 * 1000,
    touchAtMostEveryMs: 60 * 1000,
    onPruneError: (error) => options.logError('Deleting expired sessions failed', error),
  });
  const middleware = session({
    name: SESSION_COOKIE_NAME,
    secret: options.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      maxAge: SESSION_LIFETIME_MS,
      path: '/',
    },
  });
  return { middleware, close: () => store.close() };
}
