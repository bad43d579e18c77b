import type { PrismaClient, User } from '@prisma/client';
import type { Clock } from '../errors.js';
import { spendVerificationTime, verifyPassword } from './passwords.js';

/** The one message for an unknown email, a wrong password and an inactive account alike. */
export const INVALID_CREDENTIALS_MESSAGE = 'Wrong email or password, or the account is inactive.';

export interface AuthenticationDeps {
  prisma: PrismaClient;
  clock: Clock;
}

export function createAuthenticator({ prisma, clock }: AuthenticationDeps) {
  return {
    /** The active user these credentials belong to, with lastLoginAt updated; otherwise null. */
    async authenticate(email: string, password: string): Promise<User | null> {
      const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
      if (!user) {
        await spendVerificationTime(password);
        return null;
      }
      const passwordMatches = await verifyPassword(user.passwordHash, password);
      if (!passwordMatches || !user.isActive) return null;
      return prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: clock() } });
    },

    /**
     * The user a session belongs to, if it may still act: the account is active and its password
     * has not changed since the session signed in.
     */
    async sessionUser(userId: number, signedInAt: number): Promise<User | null> {
      const user = await prisma.user.findUnique({ where: { id: userId } });
      if (!user || !user.isActive || user.passwordChangedAt.getTime() > signedInAt) return null;
      return user;
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
