/** The client a `prisma.$transaction(async (tx) => …)` callback receives: one name for it everywhere. */
import type { Prisma } from '@prisma/client';

export type Transaction = Prisma.TransactionClient;
