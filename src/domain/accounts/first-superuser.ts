/** The first superuser of an empty database, so that someone can sign in at all. */
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { UserService } from './users.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@example.com';

export type BootstrapResult = { created: false } | { created: true; email: string; generatedPassword: string | null };

/**
 * On a database without any superuser, creates the first one: from the given credentials, or
 * admin@example.com with a random password that the caller shows once. Safe when several
 * instances start at once: exactly one creates it.
 */
export async function ensureFirstSuperuser(
  prisma: PrismaClient,
  users: UserService,
  credentials: { email?: string; password?: string },
): Promise<BootstrapResult> {
  if ((await prisma.user.count({ where: { role: 'SUPERUSER' } })) > 0) return { created: false };
  const email = credentials.email ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = credentials.password ? null : randomBytes(18).toString('base64url');
  try {
    await users.create(
      { email, name: 'Administrator', role: 'SUPERUSER', password: credentials.password ?? generatedPassword },
      null,
    );
  } catch (error) {
    // Instances starting together on one database: the one that lost the race has nothing to do.
    if ((await prisma.user.count({ where: { role: 'SUPERUSER' } })) > 0) return { created: false };
    throw error;
  }
  return { created: true, email, generatedPassword };
}
