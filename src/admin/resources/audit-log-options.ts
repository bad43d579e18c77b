/**
 * How the panel shows the audit log: read-only columns and filters for the roles that may read it;
 * an entry's changes as sentences, and its "Record #" linked to the record where the viewer may open it.
 */
import type { ActionContext, ActionResponse, RecordJSON, ResourceWithOptions } from 'adminjs';
import type { PrismaClient } from '@prisma/client';
import type { Datamodel } from '../../db/dmmf.js';
import { can } from '../../domain/accounts/permissions.js';
import { AUDIT_ACTIONS, AUDIT_RESOURCES } from '../../domain/audit/audit-log.js';
import { auditedRecord } from '../../domain/audit/audited-record.js';
import type { Services } from '../../domain/services.js';
import {
  AUDIT_ACTOR_FILTER_COMPONENT,
  AUDIT_ENTRY_CHANGES_COMPONENT,
  AUDIT_RECORD_LINK_COMPONENT,
  VALUE_BADGE_COMPONENT,
} from '../components.js';
import { actorOf, roleOf } from '../current-admin.js';
import { resourceArgs } from './resource-args.js';
import { allowedBy } from './access.js';
import { AuditLogResource } from './audit-log-resource.js';

const refused = { isAccessible: false, isVisible: false } as const;

/** Adds `recordHref` to an entry the viewer may follow to its record (a manager may not open staff accounts). */
function linkRecord(record: RecordJSON | undefined, context: ActionContext): void {
  if (!record) return;
  const { resource, recordId } = record.params as { resource?: string; recordId?: string | null };
  const target = auditedRecord(String(resource), recordId ?? null);
  if (target && can(roleOf(context.currentAdmin), target.resource, 'show')) {
    record.params.recordHref = context.h.recordActionUrl({
      resourceId: target.resource,
      recordId: target.id,
      actionName: 'show',
    });
  }
}

const withRecordLinks = async (response: ActionResponse, _request: unknown, context: ActionContext) => {
  linkRecord(response.record as RecordJSON | undefined, context);
  for (const record of (response.records as RecordJSON[] | undefined) ?? []) linkRecord(record, context);
  return response;
};

export function auditLogResourceOptions(
  prisma: PrismaClient,
  datamodel: Datamodel,
  services: Services,
): ResourceWithOptions {
  return {
    resource: new AuditLogResource(resourceArgs(prisma, datamodel, 'AuditLog')),
    options: {
      id: 'AuditLog',
      navigation: { name: 'Accounts', icon: 'Shield' },
      sort: { sortBy: 'at', direction: 'desc' },
      listProperties: ['at', 'actor', 'action', 'resource', 'recordId', 'ip'],
      showProperties: ['id', 'at', 'actor', 'action', 'resource', 'recordId', 'changes', 'ip', 'userAgent'],
      filterProperties: ['actor', 'action', 'resource', 'recordId', 'at'],
      properties: {
        at: { type: 'datetime', isSortable: true },
        actor: { components: { filter: AUDIT_ACTOR_FILTER_COMPONENT } },
        action: {
          availableValues: AUDIT_ACTIONS.map((value) => ({ value, label: value.replace('_', ' ') })),
          components: { list: VALUE_BADGE_COMPONENT, show: VALUE_BADGE_COMPONENT },
        },
        resource: {
          availableValues: AUDIT_RESOURCES.map((value) => ({ value, label: value })),
          components: { list: VALUE_BADGE_COMPONENT, show: VALUE_BADGE_COMPONENT },
        },
        recordId: {
          isSortable: false,
          components: { show: AUDIT_RECORD_LINK_COMPONENT, list: AUDIT_RECORD_LINK_COMPONENT },
        },
        changes: { type: 'textarea', components: { show: AUDIT_ENTRY_CHANGES_COMPONENT } },
      },
      actions: {
        list: { isAccessible: allowedBy('AuditLog', 'list'), after: withRecordLinks },
        show: { isAccessible: allowedBy('AuditLog', 'show'), after: withRecordLinks },
        // The "Who" filter's choices (AdminJS's own picker would search staff accounts: superusers only).
        staffNames: {
          actionType: 'resource',
          isVisible: false,
          isAccessible: allowedBy('AuditLog', 'staffNames'),
          handler: async (_request: unknown, _response: unknown, context: ActionContext) => ({
            staffNames: await services.staffNames.list(actorOf(context.currentAdmin)),
          }),
        },
        search: refused,
        new: refused,
        edit: refused,
        delete: refused,
        bulkDelete: refused,
      },
    },
  };
}
