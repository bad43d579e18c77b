import { Prisma } from '@prisma/client';

/**
 * The fields of a unique constraint that a write violated (P2002), or null for any other error.
 * Through driver adapters the fields are in meta.driverAdapterError.cause.constraint.fields,
 * not in meta.target.
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return null;
  const meta = error.meta as
    | { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } }
    | undefined;
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target;
  return Array.isArray(fields) ? fields.map(String) : [];
}
