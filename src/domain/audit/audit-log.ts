/**
 * The append-only audit log writer. Services call it with the transaction of the change it
 * records, so an entry exists exactly when the change does.
 */
import type { Prisma, PrismaClient } from '@prisma/client';
import { insertAuditRows, type AuditRow } from '../../db/bulk-inserts.js';
import type { Provider } from '../../db/provider.js';
import type { Transaction } from '../../db/transaction.js';
import type { Clock } from '../clock.js';
import { currentAuditContext } from './audit-context.js';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'login',
  'login_failed',
  'logout',
  'password_change',
  'password_reset',
  'activate',
  'deactivate',
  'role_change',
  'invitation_sent',
  'invitation_accepted',
  'import',
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESOURCES = ['Customer', 'User', 'Session', 'CustomerImport'] as const;
export type AuditResource = (typeof AUDIT_RESOURCES)[number];

/** {field: [before, after]} */
export type Changes = Record<string, [unknown, unknown]>;

const SECRET_FIELDS = new Set(['password', 'passwordHash', 'token', 'tokenHash']);

export interface AuditEntry {
  actorId: number | null;
  action: AuditAction;
  resource: AuditResource;
  recordId?: number | string | null;
  changes?: Changes | null;
  /** The customer import the change came from. */
  importId?: number;
}

type Writer = Pick<PrismaClient, 'auditLog'> | Transaction;

export async function recordAudit(db: Writer, clock: Clock, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: auditRow(clock(), entry) });
}

/** Many entries in one statement (src/db/bulk-inserts.ts): a batch of an import writes one per customer. */
export async function recordAudits(
  tx: Transaction,
  provider: Provider,
  clock: Clock,
  entries: readonly AuditEntry[],
): Promise<void> {
  const at = clock();
  await insertAuditRows(
    tx,
    provider,
    entries.map((entry) => auditRow(at, entry)),
  );
}

function auditRow(at: Date, entry: AuditEntry): Prisma.AuditLogUncheckedCreateInput & AuditRow {
  const { ip, userAgent } = currentAuditContext();
  const changes = entry.changes ? withoutSecrets(entry.changes) : null;
  return {
    at,
    actorId: entry.actorId,
    action: entry.action,
    resource: entry.resource,
    recordId: entry.recordId === undefined || entry.recordId === null ? null : String(entry.recordId),
    changes: changes && Object.keys(changes).length > 0 ? (changes as Prisma.InputJsonValue) : undefined,
    ip: ip?.slice(0, 100),
    userAgent: userAgent?.slice(0, 500),
    importId: entry.importId,
  };
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/** The fields whose value differs, as [before, after]; `before` null means a new record. */
export function changesBetween(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  fields: readonly string[],
): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (SECRET_FIELDS.has(field)) continue;
    const old = comparable(before?.[field]);
    const now = comparable(after[field]);
    if (old !== now) changes[field] = [old, now];
  }
  return changes;
}

function withoutSecrets(changes: Changes): Changes {
  return Object.fromEntries(Object.entries(changes).filter(([field]) => !SECRET_FIELDS.has(field)));
}
