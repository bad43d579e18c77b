/**
 * Fills a database with fake customers up to a number: customers 1 … N of fake-customers.ts, the
 * ones already there kept, so running it twice changes nothing and a bigger N adds the rest. It
 * refuses a database holding real customers (any not at the seed's email domain) unless forced.
 */
import type { PrismaClient } from '@prisma/client';
import { parseDatabaseUrl } from '../db/database-url.js';
import { customerBatchWriter } from './customer-batches.js';
import { fakeCustomerBatches } from './fake-customer-batches.js';
import { SEED_EMAIL_DOMAIN } from './fake-customers.js';

const BATCH_SIZE = 10_000;

export class RealCustomersPresentError extends Error {
  constructor(readonly realCustomers: number) {
    super(
      `The database holds ${realCustomers} real customer(s) (emails not at ${SEED_EMAIL_DOMAIN}): not seeding it. Use --force to add fake customers anyway.`,
    );
    this.name = 'RealCustomersPresentError';
  }
}

export interface SeedOptions {
  prisma: PrismaClient;
  databaseUrl: string;
  customers: number;
  force?: boolean;
  /** Called before the first batch and after each: how many of `total` are in place. */
  onProgress?: (done: number, total: number) => void;
  /** Called when every batch is written and the indexes are being brought up to date. */
  onIndexing?: () => void;
}

export interface SeedResult {
  alreadySeeded: number;
  added: number;
}

const seededEmail = { email: { endsWith: `@${SEED_EMAIL_DOMAIN}` } };

export async function seedCustomers({
  prisma,
  databaseUrl,
  customers,
  force = false,
  onProgress,
  onIndexing,
}: SeedOptions): Promise<SeedResult> {
  const realCustomers = await prisma.customer.count({ where: { NOT: seededEmail } });
  if (realCustomers > 0 && !force) throw new RealCustomersPresentError(realCustomers);
  const alreadySeeded = await prisma.customer.count({ where: seededEmail });
  onProgress?.(Math.min(alreadySeeded, customers), customers);
  if (alreadySeeded >= customers) return { alreadySeeded, added: 0 };

  const writer = await customerBatchWriter(parseDatabaseUrl(databaseUrl));
  let added = 0;
  try {
    for await (const batch of fakeCustomerBatches(alreadySeeded + 1, customers, BATCH_SIZE)) {
      added += await writer.write(batch.json);
      onProgress?.(batch.last, customers);
    }
    onIndexing?.();
    await writer.finish();
  } finally {
    await writer.close();
  }
  return { alreadySeeded, added };
}
