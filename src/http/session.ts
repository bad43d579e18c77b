import './session-types.js';
import { PrismaSessionStore } from '@quixo3/prisma-session-store';
import type { PrismaClient } from '@prisma/client';
import session from 'express-session';
import type { RequestHandler } from 'express';

export const SESSION_COOKIE_NAME = 'backoffice.sid';
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const PRUNE_EXPIRED_EVERY_MS = 10 * 60 * 1000;

export interface SessionMiddleware {
  middleware: RequestHandler;
  /** Stops the store's expiry sweep. */
  close(): void;
}

/** express-session with its sessions in the database, so every app instance sees the same ones. */
export function createSessionMiddleware(prisma: PrismaClient, options: { secret: string; secureCookies: boolean }): SessionMiddleware {
  const store = new PrismaSessionStore(prisma as never, {
    checkPeriod: PRUNE_EXPIRED_EVERY_MS,
    dbRecordIdIsSessionId: true,
    enableConcurrentSetInvocationsForSameSessionID: true,
    enableConcurrentTouchInvocationsForSameSessionID: true,
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
  return { middleware, close: () => store.shutdown() };
}
