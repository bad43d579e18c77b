/** How the panel shows the audit log: read-only columns and filters for the roles that may read it. */
import type { ResourceWithOptions } from 'adminjs';
import type { PrismaClient } from '@prisma/client';
import type { Datamodel } from '../../db/dmmf.js';
import { AUDIT_ACTIONS, AUDIT_RESOURCES } from '../../domain/audit/audit-log.js';
import { resourceArgs } from './resource-args.js';
import { allowedBy } from './access.js';
import { AuditLogResource } from './audit-log-resource.js';

const refused = { isAccessible: false, isVisible: false } as const;

export function auditLogResourceOptions(prisma: PrismaClient, datamodel: Datamodel): ResourceWithOptions {
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
        action: { availableValues: AUDIT_ACTIONS.map((value) => ({ value, label: value.replace('_', ' ') })) },
        resource: { availableValues: AUDIT_RESOURCES.map((value) => ({ value, label: value })) },
        recordId: { isSortable: false },
        changes: { type: 'textarea' },
      },
      actions: {
        list: { isAccessible: allowedBy('AuditLog', 'list') },
        show: { isAccessible: allowedBy('AuditLog', 'show') },
        search: refused,
        new: refused,
        edit: refused,
        delete: refused,
        bulkDelete: refused,
      },
    },
  };
}
