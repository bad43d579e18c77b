/**
 * How the panel shows staff accounts (superusers only): columns, filters, the virtual password
 * field, Send invitation and Send password reset. The data goes through UserResource.
 */
import type { ActionContext, ActionRequest, ActionResponse, After, RecordJSON, ResourceWithOptions } from 'adminjs';
import type { PrismaClient } from '@prisma/client';
import type { Datamodel } from '../../db/dmmf.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/accounts/passwords.js';
import type { Services } from '../../domain/services.js';
import { CONFIRM_ACTION_COMPONENT } from '../components.js';
import { actorOf } from '../current-admin.js';
import { asAdminErrors } from '../domain-errors.js';
import { resourceArgs } from './resource-args.js';
import { allowedBy, allowedWhen } from './access.js';
import { historyAction, unlessPosted } from './record-actions.js';
import { EDIT_CONFLICT_PROPERTY, editConflictProperty } from '../edit-conflict.js';
import { USER_SEARCH_FILTER, UserResource } from './user-resource.js';

/** The typed password is never echoed back to the browser with the saved record. */
const withoutTypedPassword: After<ActionResponse> = async (response) => {
  const record = response.record as RecordJSON | undefined;
  delete record?.params.password;
  return response;
};

export function userResourceOptions(
  prisma: PrismaClient,
  datamodel: Datamodel,
  services: Services,
): ResourceWithOptions {
  const resource = new UserResource(resourceArgs(prisma, datamodel, 'User'), services.users);
  return {
    resource,
    options: {
      id: 'User',
      navigation: { name: 'Accounts', icon: 'Shield' },
      sort: { sortBy: 'email', direction: 'asc' },
      listProperties: ['id', 'email', 'name', 'role', 'isActive', 'lastLoginAt'],
      showProperties: [
        'id',
        'email',
        'name',
        'role',
        'isActive',
        'lastLoginAt',
        'passwordChangedAt',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [EDIT_CONFLICT_PROPERTY, 'email', 'name', 'role', 'isActive', 'password'],
      filterProperties: [USER_SEARCH_FILTER, 'role', 'isActive'],
      properties: {
        email: { isTitle: true, isRequired: true, isDisabled: false },
        name: { isRequired: true },
        role: { isRequired: true },
        password: {
          type: 'password',
          description: `At least ${PASSWORD_MIN_LENGTH} characters. When editing, leave empty to keep the current password; a new one signs the user out everywhere.`,
        },
        [EDIT_CONFLICT_PROPERTY]: editConflictProperty,
        [USER_SEARCH_FILTER]: {
          type: 'string',
          description: 'Email or name',
          isVisible: { list: false, show: false, edit: false, filter: true },
        },
      },
      actions: {
        list: { isAccessible: allowedBy('User', 'list') },
        search: { isAccessible: allowedBy('User', 'search') },
        show: { isAccessible: allowedBy('User', 'show') },
        new: { isAccessible: allowedBy('User', 'create'), after: withoutTypedPassword },
        edit: { isAccessible: allowedBy('User', 'edit'), after: withoutTypedPassword },
        delete: { isAccessible: false, isVisible: false },
        bulkDelete: { isAccessible: false, isVisible: false },
        history: historyAction('User', services),
        invite: {
          actionType: 'record',
          icon: 'Send',
          component: CONFIRM_ACTION_COMPONENT,
          guard: 'Send this user an invitation to choose their password? The link works once, for 72 hours.',
          isAccessible: allowedBy('User', 'invite'),
          isVisible: allowedWhen('User', 'invite', (params) => Boolean(params.isActive)),
          handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
            const preview = unlessPosted(request, context);
            if (preview) return preview;
            const { record, currentAdmin } = context;
            await asAdminErrors(() =>
              services.links.sendInvitation(Number(request.params.recordId), actorOf(currentAdmin)),
            );
            return {
              record: record!.toJSON(currentAdmin),
              notice: { message: `Invitation sent to ${record!.params.email}.`, type: 'success' },
            };
          },
        },
        sendPasswordReset: {
          actionType: 'record',
          icon: 'Key',
          component: CONFIRM_ACTION_COMPONENT,
          guard: 'Send this user a link to choose a new password? It works once, for 1 hour.',
          isAccessible: allowedBy('User', 'sendPasswordReset'),
          isVisible: (context: ActionContext) =>
            allowedBy('User', 'sendPasswordReset')(context) && Boolean(context.record?.params.isActive),
          handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
            const preview = unlessPosted(request, context);
            if (preview) return preview;
            const { record, currentAdmin } = context;
            await asAdminErrors(() =>
              services.links.requestPasswordReset(String(record!.params.email), actorOf(currentAdmin)),
            );
            return {
              record: record!.toJSON(currentAdmin),
              notice: { message: `Password reset link sent to ${record!.params.email}.`, type: 'success' },
            };
          },
        },
      },
    },
  };
}
