/**
 * API sign-ins and their refresh tokens. A sign-in with a password starts a family; every refresh
 * replaces the presented token with the next one of the family. Refresh tokens are opaque random
 * strings of which the database keeps only a SHA-256.
 *
 * A replaced token presented again means two parties hold the family (a stolen token, or a client
 * replaying an old one): the family is revoked, so the thief's tokens and the owner's both stop
 * working, and the owner signs in again. Revocation is one flag on the family, which every token
 * check reads — a token issued by a refresh racing with the revocation is revoked with it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { PrismaClient, User } from '@prisma/client';
import type { Transaction } from '../../db/transaction.js';
import type { Clock } from '../clock.js';
import { signInStillValid } from './authentication.js';
import { hashToken } from './token-hash.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A refresh token unused for this long expires (every refresh starts a new period)… */
export const REFRESH_TOKEN_IDLE_LIFETIME_MS = 7 * DAY_MS;
/** …and no family outlives this: then the password is asked for again. */
export const FAMILY_MAX_LIFETIME_MS = 30 * DAY_MS;

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
  familyId: string;
}

export type RefreshRefusal = 'unknown' | 'expired' | 'revoked' | 'reused' | 'signed_out';

export type RotationResult = ({ ok: true; user: User } & IssuedRefreshToken) | { ok: false; reason: RefreshRefusal };

const isPlausibleToken = (token: string) => token.length >= 20 && token.length <= 200;

type Db = PrismaClient | Transaction;

/** Revokes every API sign-in of a user (deactivation): their tokens stop working at once. */
export async function revokeSignInsOf(db: Db, userId: number, at: Date): Promise<void> {
  await db.refreshTokenFamily.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
}

export function createRefreshTokens({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  async function create(db: Db, familyId: string, signedInAt: Date): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString('base64url');
    const now = clock();
    const expiresAt = new Date(
      Math.min(now.getTime() + REFRESH_TOKEN_IDLE_LIFETIME_MS, signedInAt.getTime() + FAMILY_MAX_LIFETIME_MS),
    );
    await db.refreshToken.create({ data: { tokenHash: hashToken(token), familyId, createdAt: now, expiresAt } });
    return { token, expiresAt, familyId };
  }

  /** True when this call revoked the family (false: it already was). */
  async function revokeFamily(familyId: string): Promise<boolean> {
    const revoked = await prisma.refreshTokenFamily.updateMany({
      where: { id: familyId, revokedAt: null },
      data: { revokedAt: clock() },
    });
    return revoked.count > 0;
  }

  return {
    /** Starts a family for a user who has just signed in with their password. */
    async issue(user: Pick<User, 'id'>): Promise<IssuedRefreshToken> {
      const now = clock();
      // Housekeeping: families past their lifetime can no longer be used for anything.
      await prisma.refreshTokenFamily.deleteMany({
        where: { userId: user.id, signedInAt: { lt: new Date(now.getTime() - FAMILY_MAX_LIFETIME_MS) } },
      });
      return prisma.$transaction(async (tx) => {
        const family = await tx.refreshTokenFamily.create({
          data: { id: randomUUID(), userId: user.id, signedInAt: now },
        });
        return create(tx, family.id, now);
      });
    },

    /** Replaces a live token with the next one of its family; refuses, and revokes the family on reuse. */
    async rotate(presented: string): Promise<RotationResult> {
      if (!isPlausibleToken(presented)) return { ok: false, reason: 'unknown' };
      const record = await prisma.refreshToken.findUnique({
        where: { tokenHash: hashToken(presented) },
        include: { family: { include: { user: true } } },
      });
      if (!record) return { ok: false, reason: 'unknown' };
      const { family } = record;
      if (family.revokedAt) return { ok: false, reason: 'revoked' };
      if (record.rotatedAt) {
        await revokeFamily(family.id);
        return { ok: false, reason: 'reused' };
      }
      if (record.expiresAt.getTime() <= clock().getTime()) return { ok: false, reason: 'expired' };
      if (!signInStillValid(family.user, family.signedInAt.getTime())) {
        await revokeFamily(family.id);
        return { ok: false, reason: 'signed_out' };
      }
      const next = await prisma.$transaction(async (tx) => {
        // Of two concurrent refreshes with the same token, only one can claim it.
        const claimed = await tx.refreshToken.updateMany({
          where: { id: record.id, rotatedAt: null },
          data: { rotatedAt: clock() },
        });
        return claimed.count === 1 ? create(tx, family.id, family.signedInAt) : null;
      });
      if (!next) {
        await revokeFamily(family.id);
        return { ok: false, reason: 'reused' };
      }
      return { ok: true, user: family.user, ...next };
    },

    /** Logout: revokes the token's family. The user whose sign-in ended, or null if it had already ended. */
    async revoke(presented: string): Promise<number | null> {
      if (!isPlausibleToken(presented)) return null;
      const record = await prisma.refreshToken.findUnique({
        where: { tokenHash: hashToken(presented) },
        select: { family: { select: { id: true, userId: true } } },
      });
      if (!record) return null;
      return (await revokeFamily(record.family.id)) ? record.family.userId : null;
    },

    /**
     * The user an access token of this family speaks for, if it still may: the family is not
     * revoked, the account is active and its password has not changed since the sign-in.
     */
    async signedInUser(familyId: string, userId: number): Promise<User | null> {
      const family = await prisma.refreshTokenFamily.findUnique({ where: { id: familyId }, include: { user: true } });
      if (!family || family.revokedAt || family.userId !== userId) return null;
      return signInStillValid(family.user, family.signedInAt.getTime()) ? family.user : null;
    },
  };
}

export type RefreshTokens = ReturnType<typeof createRefreshTokens>;
