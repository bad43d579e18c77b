/**
 * The database session store on the test file's database (SQLite, or PostgreSQL under
 * `npm run test:pg`): what express-session asks of a store, expiry, and the throttled touch.
 */
import type { SessionData } from 'express-session';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSessionStore } from '../../src/http/session-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';

const MINUTE = 60_000;
const START = Date.parse('2026-11-23T12:00:00.000Z');

describe('the database session store', () => {
  let db: TestDatabase;
  let now: number;
  let store: DatabaseSessionStore;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await db.prisma.session.deleteMany();
    now = START;
    store?.close();
    store = new DatabaseSessionStore(db.prisma, {
      lifetimeMs: 60 * MINUTE,
      pruneEveryMs: 10 * MINUTE,
      touchAtMostEveryMs: MINUTE,
      onPruneError: (error) => expect.unreachable(String(error)),
      now: () => now,
    });
  });

  const sessionData = (expiresInMs: number, extra: Record<string, unknown> = {}) =>
    ({
      cookie: {
        originalMaxAge: expiresInMs,
        expires: new Date(now + expiresInMs).toISOString(),
        httpOnly: true,
        path: '/',
      },
      ...extra,
    }) as unknown as SessionData;
  const call = <T>(operation: (callback: (error?: unknown, result?: T) => void) => void) =>
    new Promise<T | undefined>((resolve, reject) =>
      operation((error, result) =>
        error ? reject(new Error('The session store failed', { cause: error })) : resolve(result),
      ),
    );
  const get = (sid: string) => call<SessionData | null>((callback) => store.get(sid, callback));
  const set = (sid: string, data: SessionData) => call((callback) => store.set(sid, data, callback));
  const touch = (sid: string, data: SessionData) => call((callback) => store.touch(sid, data, callback));
  const storedExpiry = async (sid: string) =>
    (await db.prisma.session.findUniqueOrThrow({ where: { sid } })).expiresAt.getTime();

  it('gives back what was set, replaces it on the next set, and forgets it when destroyed', async () => {
    expect(await get('unknown')).toBeNull();
    await set('a', sessionData(30 * MINUTE, { adminUser: { id: 7 } }));
    expect(await get('a')).toMatchObject({ adminUser: { id: 7 } });
    await set('a', sessionData(30 * MINUTE, { adminUser: { id: 8 } }));
    expect(await get('a')).toMatchObject({ adminUser: { id: 8 } });
    expect(await db.prisma.session.count()).toBe(1);
    expect(await storedExpiry('a')).toBe(START + 30 * MINUTE);

    await call((callback) => store.destroy('a', callback));
    expect(await get('a')).toBeNull();
    expect(await db.prisma.session.count()).toBe(0);
  });

  it('gives no expired session back, and the sweep deletes only expired ones', async () => {
    await set('short', sessionData(5 * MINUTE));
    await set('long', sessionData(50 * MINUTE));
    now += 10 * MINUTE;
    expect(await get('short')).toBeNull();
    expect(await get('long')).not.toBeNull();
    expect(await store.pruneExpired()).toBe(1);
    expect((await db.prisma.session.findMany()).map(({ sid }) => sid)).toEqual(['long']);
  });

  it('moves the stored expiry on touch at most once a minute per session', async () => {
    await set('a', sessionData(30 * MINUTE));
    now += 30_000;
    await touch('a', sessionData(30 * MINUTE));
    expect(await storedExpiry('a')).toBe(START + 30 * MINUTE);

    now += 31_000;
    await touch('a', sessionData(30 * MINUTE));
    expect(await storedExpiry('a')).toBe(now + 30 * MINUTE);
    expect(await get('a')).not.toBeNull();
  });

  it('hands a failure to the callback rather than throwing', async () => {
    await expect(
      call((callback) => store.set('x', { cookie: { expires: 'not a date' } } as unknown as SessionData, callback)),
    ).rejects.toThrow();
  });
});

describe('the expiry sweep of the database session store', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());

  it('reports a failed sweep and keeps the process running', async () => {
    await db.prisma.$executeRawUnsafe('ALTER TABLE "Session" RENAME TO "SessionMoved"');
    const failure = new Promise<unknown>((resolve) => {
      const store = new DatabaseSessionStore(db.prisma, {
        lifetimeMs: MINUTE,
        pruneEveryMs: 20,
        touchAtMostEveryMs: MINUTE,
        onPruneError: (error) => {
          store.close();
          resolve(error);
        },
      });
    });
    expect(String(await failure)).toMatch(/Session/);
    await db.prisma.$executeRawUnsafe('ALTER TABLE "SessionMoved" RENAME TO "Session"');
  });
});
