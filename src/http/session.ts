import './session-types.js';
import { PrismaSessionStore } from '@quixo3/prisma-session-store';
import type { PrismaClient } from '@prisma/client';
import session from 'express-session';
import type { RequestHandler } from 'express';

export const SESSION_COOKIE_NAME = 'backoffice.sid';
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const PRUNE_EXPIRED_EVERY_MS = 10 * 60 * 1000;
/**
 * Sessions roll (each request pushes the expiry back), but the stored expiry is moved at most this
 * often per session and process: otherwise every page view costs two more queries, one a write.
 * The stored expiry may lag the cookie's by this much.
 */
const STORED_EXPIRY_MOVED_AT_MOST_EVERY_MS = 60 * 1000;

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
  touchAtMostEvery(store, STORED_EXPIRY_MOVED_AT_MOST_EVERY_MS);
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

function touchAtMostEvery(store: PrismaSessionStore, intervalMs: number): void {
  const touch = store.touch;
  const lastTouched = new Map<string, number>();
  const throttled: PrismaSessionStore['touch'] = async (sid, session, callback) => {
    const now = Date.now();
    if (now - (lastTouched.get(sid) ?? 0) < intervalMs) return callback?.();
    if (lastTouched.size >= 10_000) {
      for (const [touchedSid, at] of lastTouched) if (now - at >= intervalMs) lastTouched.delete(touchedSid);
    }
    lastTouched.set(sid, now);
    return touch(sid, session, callback);
  };
  // The store's touch is an instance property (typed readonly): replaced on this instance only.
  Object.defineProperty(store, 'touch', { value: throttled });
}
