/**
 * The fields of a unique constraint that a write violated (P2002; P2010 for a raw query, whose
 * driver adapter error says UniqueConstraintViolation), or null for any other error.
 * Through driver adapters the fields are in meta.driverAdapterError.cause.constraint.fields,
 * not in meta.target. The error is recognised by name and code, not `instanceof`: the PostgreSQL
 * client is generated with its own copy of Prisma's runtime, hence its own error classes.
 */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Error) || error.name !== 'PrismaClientKnownRequestError') return null;
  const { code, meta } = error as Error & {
    code?: unknown;
    meta?: {
      target?: unknown;
      driverAdapterError?: { cause?: { kind?: unknown; constraint?: { fields?: unknown } } };
    };
  };
  const rawUniqueViolation = code === 'P2010' && meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';
  if (code !== 'P2002' && !rawUniqueViolation) return null;
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target;
  return Array.isArray(fields) ? fields.map(String) : [];
}
