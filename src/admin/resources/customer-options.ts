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
import { resourceArgs } from './resource-args.js';
import { allowedBy, allowedWhen } from './access.js';
import {
  CONFIRM_ACTION_COMPONENT,
  IMPORT_CUSTOMERS_COMPONENT,
  CREATED_FILTER_COMPONENT,
  CUSTOMER_EMAIL_EDIT_COMPONENT,
  CUSTOMER_EXPORT_COMPONENT,
  CUSTOMER_LIST_COMPONENT,
  CUSTOMER_NAME_CELL_COMPONENT,
  CUSTOMER_NEW_COMPONENT,
  RECORD_HISTORY_COMPONENT,
  STATUS_FILTER_COMPONENT,
} from '../components.js';
import { EDIT_CONFLICT_PROPERTY, editConflictProperty } from '../edit-conflict.js';
import { historyAction, refusalOfConfirmedChange, unlessPosted } from './record-actions.js';
import { CustomerResource, NAME_COLUMN, SEARCH_FILTER, STATUS_FILTER } from './customer-resource.js';
import { afterCreate, afterDelete, afterEdit, afterList, afterRestore, afterShow } from './customer-screens.js';

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
      listProperties: ['id', NAME_COLUMN, 'email', 'phone', 'dateOfBirth', 'createdAt'],
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
      editProperties: [EDIT_CONFLICT_PROPERTY, 'firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'notes'],
      // The search has its own box above the list (the CustomerList component); the drawer filters.
      filterProperties: [STATUS_FILTER, 'createdAt'],
      properties: {
        id: { position: 1 },
        // The list's one Name column, "Müller, Jürgen", a link to the customer; sorted by last name.
        [NAME_COLUMN]: {
          type: 'string',
          position: 2,
          isSortable: true,
          components: { list: CUSTOMER_NAME_CELL_COMPONENT },
          isVisible: { list: true, show: false, edit: false, filter: false },
        },
        firstName: { isTitle: true, isRequired: true },
        lastName: { isRequired: true },
        email: { type: 'string', isRequired: true, components: { edit: CUSTOMER_EMAIL_EDIT_COMPONENT } },
        phone: { isRequired: true, description: 'Without +country code, numbers are read in the default region.' },
        // A native <input type="date"> (value YYYY-MM-DD): AdminJS's date picker sends local
        // midnight as UTC, so east of UTC the day before would be stored.
        dateOfBirth: { type: 'string', isRequired: true, props: { type: 'date', min: '1900-01-01' } },
        notes: { type: 'textarea', props: { rows: 4 } },
        createdAt: { components: { filter: CREATED_FILTER_COMPONENT } },
        createdBy: { isVisible: { list: false, show: true, edit: false, filter: false } },
        updatedBy: { isVisible: { list: false, show: true, edit: false, filter: false } },
        // Not a column: the customer's History, a section at the bottom of its page.
        history: {
          type: 'string',
          components: { show: RECORD_HISTORY_COMPONENT },
          isVisible: { list: false, show: true, edit: false, filter: false },
        },
        [EDIT_CONFLICT_PROPERTY]: editConflictProperty,
        [SEARCH_FILTER]: {
          type: 'string',
          position: 0,
          description: 'Name, email or phone',
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
        [STATUS_FILTER]: {
          position: 0,
          availableValues: CUSTOMER_STATUSES.map((value) => ({ value, label: statusLabels[value] })),
          components: { filter: STATUS_FILTER_COMPONENT },
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
      },
      actions: {
        list: { isAccessible: allowedBy('Customer', 'list'), component: CUSTOMER_LIST_COMPONENT, after: afterList },
        search: { isAccessible: allowedBy('Customer', 'search') },
        show: { isAccessible: allowedBy('Customer', 'show'), after: afterShow },
        new: { isAccessible: allowedBy('Customer', 'create'), component: CUSTOMER_NEW_COMPONENT, after: afterCreate },
        edit: { isAccessible: allowedBy('Customer', 'edit'), after: afterEdit },
        // A confirmation screen rather than AdminJS's modal: it sends back the version it showed.
        delete: {
          component: CONFIRM_ACTION_COMPONENT,
          guard: 'Delete this customer? It leaves the list and can be restored from the “Deleted” status filter.',
          isAccessible: allowedBy('Customer', 'delete'),
          after: afterDelete,
          isVisible: allowedWhen('Customer', 'delete', (params) => !isDeleted(params)),
          handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
            const preview = unlessPosted(request, context);
            if (preview) return preview;
            const { record, currentAdmin, h, resource: adminResource } = context;
            const id = Number(request.params.recordId);
            const refusal = await refusalOfConfirmedChange(request, context, (condition) =>
              services.customers.softDelete(id, actorOf(currentAdmin), condition),
            );
            if (refusal) return refusal;
            return {
              record: record!.toJSON(currentAdmin),
              redirectUrl: h.resourceUrl({ resourceId: adminResource.id() }),
              notice: { message: 'successfullyDeleted', type: 'success' },
            };
          },
        },
        bulkDelete: { isAccessible: allowedBy('Customer', 'bulkDelete') },
        history: historyAction('Customer', services),
        // A page of its own (admin/components/import-customers.tsx) over admin/imports/import-routes.ts;
        // the action itself only shows it.
        import: {
          actionType: 'resource',
          icon: 'Upload',
          component: IMPORT_CUSTOMERS_COMPONENT,
          isAccessible: allowedBy('Customer', 'import'),
          handler: async () => ({}),
        },
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
          // Bringing a customer back is not a danger: a plain (primary) button.
          variant: 'primary',
          after: afterRestore,
          component: CONFIRM_ACTION_COMPONENT,
          guard: 'Restore this customer? It will show in the list again.',
          isAccessible: allowedBy('Customer', 'restore'),
          isVisible: allowedWhen('Customer', 'restore', isDeleted),
          handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
            const preview = unlessPosted(request, context);
            if (preview) return preview;
            const { record, currentAdmin, h, resource: adminResource } = context;
            if (!record) throw new Error('restore is a record action');
            const refusal = await refusalOfConfirmedChange(request, context, (condition) =>
              services.customers.restore(Number(request.params.recordId), actorOf(currentAdmin), condition),
            );
            if (refusal) return refusal;
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
