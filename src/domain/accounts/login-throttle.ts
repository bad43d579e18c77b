/**
 * Login throttling: after too many failed sign-ins for one account or from one IP address within
 * the window, every further attempt is refused — right password or not — until the window ends.
 * Counters live in the database (rate-limiter-flexible's Prisma store), so all app instances share them.
 */
import type { PrismaClient } from '@prisma/client';
import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible';
import { normalizeEmail } from '../email.js';

export const LOGIN_LIMITS = { failuresPerAccount: 5, failuresPerIp: 20, windowMinutes: 15 } as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export function createLoginThrottle(prisma: PrismaClient) {
  const limiter = (points: number, keyPrefix: string) =>
    new RateLimiterPrisma({
      storeClient: prisma,
      tableName: 'rateLimiterFlexible',
      points,
      duration: LOGIN_LIMITS.windowMinutes * 60,
      keyPrefix,
    });
  const byAccount = limiter(LOGIN_LIMITS.failuresPerAccount, 'login-failures:account');
  const byIp = limiter(LOGIN_LIMITS.failuresPerIp, 'login-failures:ip');

  const exhausted = (state: RateLimiterRes | null, limit: number) =>
    state && state.consumedPoints >= limit ? state.msBeforeNext : 0;

  return {
    /** `email` null: the attempt named no account (it was no email address); only the IP address counts. */
    async verdict(email: string | null, ip: string | undefined): Promise<ThrottleVerdict> {
      const [account, address] = await Promise.all([
        email === null ? null : byAccount.get(normalizeEmail(email)),
        ip ? byIp.get(ip) : null,
      ]);
      const waitMs = Math.max(
        exhausted(account, LOGIN_LIMITS.failuresPerAccount),
        exhausted(address, LOGIN_LIMITS.failuresPerIp),
      );
      return waitMs > 0
        ? { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) }
        : { allowed: true };
    },

    async recordFailure(email: string | null, ip: string | undefined): Promise<void> {
      // consume() rejects once a limit is passed; the count is stored all the same.
      await Promise.allSettled([
        email === null ? Promise.resolve() : byAccount.consume(normalizeEmail(email)),
        ip ? byIp.consume(ip) : Promise.resolve(),
      ]);
    },

    async recordSuccess(email: string): Promise<void> {
      await byAccount.delete(normalizeEmail(email));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

export const RESET_REQUEST_LIMITS = { perAccount: 3, perIp: 20, windowMinutes: 60 } as const;

/**
 * Password-reset requests: a few mails per account and per address an hour, so the form cannot
 * be used to flood someone's inbox. Over the limit the request is dropped silently (the page
 * answers the same, as for unknown emails).
 */
export function createResetRequestThrottle(prisma: PrismaClient) {
  const limiter = (points: number, keyPrefix: string) =>
    new RateLimiterPrisma({
      storeClient: prisma,
      tableName: 'rateLimiterFlexible',
      points,
      duration: RESET_REQUEST_LIMITS.windowMinutes * 60,
      keyPrefix,
    });
  const byAccount = limiter(RESET_REQUEST_LIMITS.perAccount, 'reset-requests:account');
  const byIp = limiter(RESET_REQUEST_LIMITS.perIp, 'reset-requests:ip');
  return {
    /** Counts the request; false when it is over a limit. */
    async allow(email: string, ip: string | undefined): Promise<boolean> {
      const results = await Promise.allSettled([
        byAccount.consume(normalizeEmail(email)),
        ip ? byIp.consume(ip) : Promise.resolve(),
      ]);
      return results.every((result) => result.status === 'fulfilled');
    },
  };
}

export type ResetRequestThrottle = ReturnType<typeof createResetRequestThrottle>;
