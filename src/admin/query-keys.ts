import type { RequestHandler } from 'express';

// Names every object inherits ("constructor", "toString", "__proto__", …): AdminJS looks filter
// names up on plain objects, and such a name makes it call something that is not what it expects.
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

export function hasInheritedName(key: string, value: unknown): boolean {
  if (key.split(/\.|~~|\[|\]/).some((segment) => INHERITED.has(segment))) return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.entries(value).some(([inner, innerValue]) => hasInheritedName(inner, innerValue))
  );
}

/** Drops query parameters (filters, sort) named after inherited object properties. */
export const dropInheritedQueryKeys: RequestHandler = (req, _res, next) => {
  const query = req.query as Record<string, unknown>;
  for (const [key, value] of Object.entries(query)) {
    if (hasInheritedName(key, value)) delete query[key];
  }
  next();
};
