/**
 * The express-session store: sessions in the database's Session table, so that every app instance
 * sees the same ones. Plain SQL (the same text for SQLite and PostgreSQL) rather than Prisma's
 * query builder: the store is read on every panel request, and Prisma 6's JS engine compiles each
 * builder query anew (~0.6 ms, against ~0.09 ms for a raw one).
 */
import type { PrismaClient } from '@prisma/client';
import session, { type SessionData } from 'express-session';

export interface SessionStoreOptions {
  /** How long a session lasts when its cookie carries no expiry. */
  lifetimeMs: number;
  /** Expired sessions are deleted this often. */
  pruneEveryMs: number;
  /**
   * A session's stored expiry is moved (rolling sessions: each request pushes it back) at most this
   * often per session and process; otherwise every page view costs a write. The stored expiry may
   * lag the cookie's by this much.
   */
  touchAtMostEveryMs: number;
  /** Where a failed expiry sweep is reported (the next sweep tries again). */
  onPruneError: (error: unknown) => void;
  now?: () => number;
}

type Callback<T = void> = (error?: unknown, result?: T) => void;

/** Entries of `lastTouched` older than the touch interval are swept once it holds this many. */
const TOUCH_MEMORY_LIMIT = 10_000;

export class DatabaseSessionStore extends session.Store {
  private readonly lastTouched = new Map<string, number>();
  private readonly pruneTimer: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: SessionStoreOptions,
  ) {
    super();
    this.now = options.now ?? Date.now;
    this.pruneTimer = setInterval(() => void this.pruneExpired().catch(options.onPruneError), options.pruneEveryMs);
    this.pruneTimer.unref();
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    settle(callback, async () => {
      const [row] = await this.prisma.$queryRaw<
        Array<{ data: string }>
      >`SELECT "data" FROM "Session" WHERE "sid" = ${sid} AND "expiresAt" > ${this.at()}`;
      return row ? (JSON.parse(row.data) as SessionData) : null;
    });
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    settle(callback, async () => {
      const expiresAt = this.expiryOf(data);
      await this.prisma.$executeRaw`
        INSERT INTO "Session" ("id", "sid", "data", "expiresAt") VALUES (${sid}, ${sid}, ${JSON.stringify(data)}, ${expiresAt})
        ON CONFLICT ("sid") DO UPDATE SET "data" = excluded."data", "expiresAt" = excluded."expiresAt"`;
      this.lastTouched.set(sid, this.now());
    });
  }

  override touch(sid: string, data: SessionData, callback?: Callback): void {
    const now = this.now();
    if (now - (this.lastTouched.get(sid) ?? 0) < this.options.touchAtMostEveryMs) {
      callback?.();
      return;
    }
    this.rememberTouch(sid, now);
    settle(callback, async () => {
      await this.prisma
        .$executeRaw`UPDATE "Session" SET "data" = ${JSON.stringify(data)}, "expiresAt" = ${this.expiryOf(data)} WHERE "sid" = ${sid}`;
    });
  }

  override destroy(sid: string, callback?: Callback): void {
    this.lastTouched.delete(sid);
    settle(callback, async () => {
      await this.prisma.$executeRaw`DELETE FROM "Session" WHERE "sid" = ${sid}`;
    });
  }

  async pruneExpired(): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM "Session" WHERE "expiresAt" <= ${this.at()}`;
  }

  /** Stops the expiry sweep. */
  close(): void {
    clearInterval(this.pruneTimer);
  }

  private at(): Date {
    return new Date(this.now());
  }

  private expiryOf(data: SessionData): Date {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires) : new Date(this.now() + this.options.lifetimeMs);
  }

  private rememberTouch(sid: string, now: number): void {
    if (this.lastTouched.size >= TOUCH_MEMORY_LIMIT) {
      for (const [touchedSid, at] of this.lastTouched)
        if (now - at >= this.options.touchAtMostEveryMs) this.lastTouched.delete(touchedSid);
    }
    this.lastTouched.set(sid, now);
  }
}

function settle<T>(callback: Callback<T> | undefined, work: () => Promise<T>): void {
  work().then(
    (result) => callback?.(undefined, result),
    (error: unknown) => callback?.(error),
  );
}
