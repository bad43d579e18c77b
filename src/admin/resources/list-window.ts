/** AdminJS passes page sizes and offsets from the query string unchecked; Prisma needs sane integers. */
const MAX_PAGE_SIZE = 500;

export function clampListWindow(limit: unknown, offset: unknown): { take: number; skip: number } {
  const size = Math.trunc(Number(limit));
  const start = Math.trunc(Number(offset));
  return {
    take: Number.isFinite(size) ? Math.min(Math.max(size, 1), MAX_PAGE_SIZE) : 10,
    skip: Number.isFinite(start) ? Math.min(Math.max(start, 0), Number.MAX_SAFE_INTEGER) : 0,
  };
}
