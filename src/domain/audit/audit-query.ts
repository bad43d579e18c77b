import type { Prisma } from '@prisma/client';
import { parseDateBound } from '../customers/query.js';
import { isAcceptableText } from '../text.js';
import { AUDIT_ACTIONS, AUDIT_RESOURCES } from './audit-log.js';

export interface AuditCriteria {
  actorId?: number;
  action?: string;
  resource?: string;
  recordId?: string;
  from?: Date;
  to?: Date;
}

/** Reads loosely typed filter values; anything unrecognised is ignored. */
export function auditCriteria(values: {
  actorId?: unknown;
  action?: unknown;
  resource?: unknown;
  recordId?: unknown;
  at?: unknown;
}): AuditCriteria {
  const actorId = Number(values.actorId);
  const range =
    typeof values.at === 'object' && values.at !== null ? (values.at as { from?: unknown; to?: unknown }) : {};
  return {
    actorId:
      values.actorId !== undefined && values.actorId !== '' && Number.isSafeInteger(actorId) ? actorId : undefined,
    action: (AUDIT_ACTIONS as readonly unknown[]).includes(values.action) ? String(values.action) : undefined,
    resource: (AUDIT_RESOURCES as readonly unknown[]).includes(values.resource) ? String(values.resource) : undefined,
    recordId:
      typeof values.recordId === 'string' && values.recordId.trim() ? values.recordId.trim().slice(0, 50) : undefined,
    from: parseDateBound(range.from, 'from'),
    to: parseDateBound(range.to, 'to'),
  };
}

export function auditWhere({
  actorId,
  action,
  resource,
  recordId,
  from,
  to,
}: AuditCriteria): Prisma.AuditLogWhereInput {
  // A record # holding characters no text may hold (domain/text.ts) matches no entry.
  if (recordId !== undefined && !isAcceptableText(recordId)) return { id: { in: [] } };
  return {
    ...(actorId === undefined ? {} : { actorId }),
    ...(action ? { action } : {}),
    ...(resource ? { resource } : {}),
    ...(recordId ? { recordId } : {}),
    ...(from || to ? { at: { gte: from, lte: to } } : {}),
  };
}

/** Newest first, always: the log is read like Django's object history. */
export function auditOrderBy(direction: unknown): Prisma.AuditLogOrderByWithRelationInput[] {
  const order = direction === 'asc' ? 'asc' : 'desc';
  return [{ at: order }, { id: order }];
}
