/** The AdminJS adapter for the audit log: read-only; every write is refused here too. */
import { PrismaResource } from './prisma-resource.js';
import { BaseRecord, ForbiddenError, type Filter } from 'adminjs';
import type { AuditLog, PrismaClient } from '@prisma/client';
import { clampListWindow } from './list-window.js';
import { auditSentences } from '../../domain/audit/audit-sentences.js';
import { auditCriteria, auditOrderBy, auditWhere } from '../../domain/audit/audit-query.js';
import { recordIdOf, recordIdsOf } from '../../domain/record-id.js';

export class AuditLogResource extends PrismaResource {
  private get prisma(): PrismaClient {
    return this.client;
  }

  override async count(filter: Filter): Promise<number> {
    return this.prisma.auditLog.count({ where: auditWhere(criteriaOf(filter)) });
  }

  override async find(
    filter: Filter,
    {
      limit = 10,
      offset = 0,
      sort = {},
    }: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } } = {},
  ): Promise<BaseRecord[]> {
    const entries = await this.prisma.auditLog.findMany({
      where: auditWhere(criteriaOf(filter)),
      orderBy: auditOrderBy(sort.direction),
      ...clampListWindow(limit, offset),
    });
    return entries.map((entry) => this.toRecord(entry));
  }

  override async findOne(id: string | number): Promise<BaseRecord | null> {
    const entryId = recordIdOf(id);
    if (entryId === undefined) return null;
    const entry = await this.prisma.auditLog.findUnique({ where: { id: entryId } });
    return entry ? this.toRecord(entry) : null;
  }

  override async findMany(ids: Array<string | number>): Promise<BaseRecord[]> {
    const entries = await this.prisma.auditLog.findMany({
      where: { id: { in: recordIdsOf(ids) } },
    });
    return entries.map((entry) => this.toRecord(entry));
  }

  override async create(): Promise<Record<string, unknown>> {
    throw new ForbiddenError('The audit log is append-only.');
  }

  override async update(): Promise<Record<string, unknown>> {
    throw new ForbiddenError('The audit log is append-only.');
  }

  override async delete(): Promise<void> {
    throw new ForbiddenError('The audit log is append-only.');
  }

  private toRecord(entry: AuditLog): BaseRecord {
    return new BaseRecord(
      {
        ...this.prepareReturnValues(entry),
        changes: entry.changes ? JSON.stringify(entry.changes, null, 1) : null,
        // The changes as the entry's page shows them (AuditEntryChanges), from the one renderer.
        sentences: JSON.stringify(auditSentences(entry)),
      },
      this,
    );
  }
}

function criteriaOf(filter: Filter | undefined) {
  const value = (name: string): unknown => filter?.filters?.[name]?.value;
  return auditCriteria({
    actorId: value('actor'),
    action: value('action'),
    resource: value('resource'),
    recordId: value('recordId'),
    at: value('at'),
  });
}
