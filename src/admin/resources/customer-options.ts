/**
 * How the panel shows customers: columns, filters, form fields and actions (Restore, History, Export), each
 * action's access read from the permission matrix. The data goes through CustomerResource.
 */
import type { ActionContext, ActionRequest, ResourceWithOptions } from 'adminjs';
import type { PrismaClient } from '@prisma/client';
import type { Datamodel } from '../../db/dmmf.js';
import type { Services } from '../../domain/services.js';
import { CUSTOMER_STATUSES } from '../../domain/customers/query.js';
import { actorOf } from '../current-admin.js';
import { asAdminErrors } from '../domain-errors.js';
import { resourceArgs } from './resource-args.js';
import { allowedBy, allowedWhen } from './access.js';
import { CONFIRM_ACTION_COMPONENT, CUSTOMER_EXPORT_COMPONENT, RECORD_HISTORY_COMPONENT } from '../components.js';
import { historyAction, unlessPosted } from './record-actions.js';
import { CustomerResource, SEARCH_FILTER, STATUS_FILTER } from './customer-resource.js';

const isDeleted = (params: Record<string, unknown>) => Boolean(params.deletedAt);
const statusLabels = { active: 'Active', deleted: 'Deleted', all: 'All' } as const;

export function customerResourceOptions(
  prisma: PrismaClient,
  datamodel: Datamodel,
  services: Services,
): ResourceWithOptions {
  const resource = new CustomerResource(resourceArgs(prisma, datamodel, 'Customer'), services.customers);
  return {
    resource,
    options: {
      id: 'Customer',
      navigation: { name: 'Customers', icon: 'Users' },
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['id', 'lastName', 'firstName', 'email', 'phone', 'dateOfBirth', 'createdAt'],
      showProperties: [
        'id',
        'firstName',
        'lastName',
        'email',
        'phone',
        'dateOfBirth',
        'notes',
        'createdAt',
        'createdBy',
        'updatedAt',
        'updatedBy',
        'deletedAt',
        'history',
      ],
      editProperties: ['firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'notes'],
      filterProperties: [SEARCH_FILTER, STATUS_FILTER, 'createdAt'],
      properties: {
        id: { position: 1 },
        firstName: { isTitle: true, isRequired: true },
        lastName: { isRequired: true },
        email: { type: 'string', isRequired: true },
        phone: { isRequired: true, description: 'Without +country code, numbers are read in the default region.' },
        // A native <input type="date"> (value YYYY-MM-DD): AdminJS's date picker sends local
        // midnight as UTC, so east of UTC the day before would be stored.
        dateOfBirth: { type: 'string', isRequired: true, props: { type: 'date', min: '1900-01-01' } },
        notes: { type: 'textarea', props: { rows: 4 } },
        createdBy: { isVisible: { list: false, show: true, edit: false, filter: false } },
        updatedBy: { isVisible: { list: false, show: true, edit: false, filter: false } },
        // Not a column: the customer's History, a section at the bottom of its page.
        history: {
          type: 'string',
          components: { show: RECORD_HISTORY_COMPONENT },
          isVisible: { list: false, show: true, edit: false, filter: false },
        },
        [SEARCH_FILTER]: {
          type: 'string',
          position: 0,
          description: 'Name, email or phone',
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
        [STATUS_FILTER]: {
          position: 0,
          availableValues: CUSTOMER_STATUSES.map((value) => ({ value, label: statusLabels[value] })),
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
      },
      actions: {
        list: { isAccessible: allowedBy('Customer', 'list') },
        search: { isAccessible: allowedBy('Customer', 'search') },
        show: { isAccessible: allowedBy('Customer', 'show') },
        new: { isAccessible: allowedBy('Customer', 'create') },
        edit: { isAccessible: allowedBy('Customer', 'edit') },
        delete: {
          isAccessible: allowedBy('Customer', 'delete'),
          isVisible: allowedWhen('Customer', 'delete', (params) => !isDeleted(params)),
        },
        bulkDelete: { isAccessible: allowedBy('Customer', 'bulkDelete') },
        history: historyAction('Customer', services),
        // Its screen links to the file route (src/admin/customer-export-route.ts); it reads nothing itself.
        export: {
          actionType: 'resource',
          icon: 'Download',
          component: CUSTOMER_EXPORT_COMPONENT,
          showInDrawer: true,
          isAccessible: allowedBy('Customer', 'export'),
          handler: async () => ({}),
        },
        restore: {
          actionType: 'record',
          icon: 'RotateCcw',
          component: CONFIRM_ACTION_COMPONENT,
          guard: 'Restore this customer? It will show in the list again.',
          isAccessible: allowedBy('Customer', 'restore'),
          isVisible: allowedWhen('Customer', 'restore', isDeleted),
          handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
            const preview = unlessPosted(request, context);
            if (preview) return preview;
            const { record, currentAdmin, h, resource: adminResource } = context;
            if (!record) throw new Error('restore is a record action');
            await asAdminErrors(() =>
              services.customers.restore(Number(request.params.recordId), actorOf(currentAdmin)),
            );
            const restored = await adminResource.findOne(String(request.params.recordId), context);
            return {
              record: (restored ?? record).toJSON(currentAdmin),
              redirectUrl: h.recordActionUrl({
                resourceId: adminResource.id(),
                recordId: String(request.params.recordId),
                actionName: 'show',
              }),
              notice: { message: 'Customer restored.', type: 'success' },
            };
          },
        },
      },
    },
  };
}
