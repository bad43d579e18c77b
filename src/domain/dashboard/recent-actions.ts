/**
 * Recent actions, like Django's admin index: the last changes to records — mine, or the whole
 * team's — each naming its record so that the Home can link to it. Only records the viewer may open
 * are listed (a manager sees customer changes; a superuser staff account changes too). Each
 * resource is read newest first through an index (AuditLog(resource, at) or (actorId, resource,
 * at)), RECENT_ACTIONS rows at most, and the lists merged.
 */
import type { PrismaClient } from '@prisma/client';
import { can, type Actor } from '../accounts/permissions.js';
import { describeEntry, type DescribedEntry } from '../audit/audit-sentences.js';
import { customerName } from '../customers/display-name.js';

export const RECENT_ACTIONS = 20;
const RECORD_RESOURCES = ['Customer', 'User'] as const;
type RecordResource = (typeof RECORD_RESOURCES)[number];

export interface RecentAction extends DescribedEntry {
  resource: RecordResource;
  recordId: string;
  /** "Ada Lovelace", or "#42" for a record that no longer exists. */
  recordName: string;
}

export function createRecentActions(prisma: PrismaClient) {
  async function recordNames(resource: RecordResource, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    if (resource === 'Customer') {
      const customers = await prisma.customer.findMany({
        where: { id: { in: ids } },
        select: { id: true, firstName: true, lastName: true },
      });
      return new Map(customers.map((customer) => [customer.id, customerName(customer)]));
    }
    const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(users.map(({ id, name }) => [id, name]));
  }

  async function ofResource(resource: RecordResource, actorId: number | undefined): Promise<RecentAction[]> {
    const entries = await prisma.auditLog.findMany({
      where: { resource, ...(actorId === undefined ? {} : { actorId }) },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: RECENT_ACTIONS,
      include: { actor: { select: { name: true } } },
    });
    const recorded = entries.filter((entry): entry is typeof entry & { recordId: string } => entry.recordId !== null);
    const names = await recordNames(resource, [...new Set(recorded.map((entry) => Number(entry.recordId)))]);
    return recorded.map((entry) => ({
      ...describeEntry(entry),
      resource,
      recordId: entry.recordId,
      recordName: names.get(Number(entry.recordId)) ?? `#${entry.recordId}`,
    }));
  }

  /** The last RECENT_ACTIONS changes by `by` (or by anyone) to records the viewer may open. */
  async function recent(viewer: Actor, by: number | undefined): Promise<RecentAction[]> {
    const readable = RECORD_RESOURCES.filter((resource) => can(viewer.role, resource, 'show'));
    const lists = await Promise.all(readable.map((resource) => ofResource(resource, by)));
    return lists
      .flat()
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id)
      .slice(0, RECENT_ACTIONS);
  }

  return {
    mine: (viewer: Actor) => recent(viewer, viewer.id),
    team: (viewer: Actor) => recent(viewer, undefined),
  };
}
