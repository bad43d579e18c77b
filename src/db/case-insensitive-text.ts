/**
 * Text filters (`contains`, `startsWith`, `endsWith`) ignore case on both databases. SQLite's
 * LIKE already does (for ASCII letters); PostgreSQL's does not, so on PostgreSQL every such filter
 * without an explicit `mode` gets `mode: 'insensitive'` (ILIKE). The rule lives here, in the
 * database layer, so that the domain's queries read the same for both databases.
 */
import { Prisma } from '@prisma/client';

const TEXT_OPERATORS = ['contains', 'startsWith', 'endsWith'] as const;

function isTextFilter(node: Record<string, unknown>): boolean {
  return TEXT_OPERATORS.some((operator) => typeof node[operator] === 'string');
}

/** A copy of a `where` tree with `mode: 'insensitive'` on every text filter that has no mode. */
export function withInsensitiveTextFilters(where: unknown): unknown {
  if (Array.isArray(where)) return where.map(withInsensitiveTextFilters);
  if (where === null || typeof where !== 'object' || where instanceof Date) return where;
  const node = where as Record<string, unknown>;
  if (isTextFilter(node)) return 'mode' in node ? node : { ...node, mode: 'insensitive' };
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withInsensitiveTextFilters(value)]));
}

export const caseInsensitiveTextFilters = Prisma.defineExtension({
  name: 'case-insensitive-text-filters',
  query: {
    $allModels: {
      $allOperations({ args, query }) {
        const withWhere = args as { where?: unknown };
        return query(
          withWhere.where === undefined
            ? args
            : ({ ...args, where: withInsensitiveTextFilters(withWhere.where) } as typeof args),
        );
      },
    },
  },
});
