/**
 * Who changed a record last, and when: the newest audit entry about it. An edit conflict names
 * them ("Someone else changed this customer while you were editing (Grace Hopper, 14:02)").
 */
import type { PrismaClient } from '@prisma/client';
import type { LastChange } from '../errors.js';
import type { AuditedRecordResource } from './audited-record.js';

export async function lastChangeOf(
  prisma: Pick<PrismaClient, 'auditLog'>,
  resource: AuditedRecordResource,
  recordId: number,
): Promise<LastChange | null> {
  const entry = await prisma.auditLog.findFirst({
    where: { resource, recordId: String(recordId) },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { at: true, actor: { select: { name: true } } },
  });
  return entry ? { actorName: entry.actor?.name ?? null, at: entry.at } : null;
}
