import type { PrismaClient } from '@prisma/client';

export type Provider = 'sqlite' | 'postgresql';

/** Which database a generated client talks to; Prisma keeps it on the instance, extended or not. */
export function providerOf(prisma: PrismaClient): Provider {
  const provider = (prisma as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider !== 'sqlite' && provider !== 'postgresql')
    throw new Error(`Unknown Prisma provider ${String(provider)}`);
  return provider;
}
