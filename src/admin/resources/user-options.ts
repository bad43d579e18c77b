/**
 * How the panel shows staff accounts (superusers only): columns (invitation status among them),
 * filters, the new-account form (roles described, Send invitation email), the virtual password
 * field, Send invitation and Send password reset. The data goes through UserResource.
 */
import type { ActionContext, ActionRequest, ActionResponse, After, RecordJSON, ResourceWithOptions } from 'adminjs';
import type { PrismaClient } from '@prisma/client';
import type { Datamodel } from '../../db/dmmf.js';
import { INVITATION_STATUSES, INVITATION_STATUS_LABELS } from '../../domain/accounts/invitation-status.js';
import { INACTIVE_INVITATION_MESSAGE, invitationWanted } from '../../domain/accounts/one-time-links.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/accounts/passwords.js';
import { ROLES } from '../../domain/accounts/permissions.js';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../domain/accounts/role-descriptions.js';
import { newUserSchema } from '../../domain/accounts/users.js';
import type { Services } from '../../domain/services.js';
import {
  ACCOUNT_CHECKBOX_COMPONENT,
  CONFIRM_ACTION_COMPONENT,
  INVITATION_STATUS_COMPONENT,
  PASSWORD_FIELD_COMPONENT,
  ROLE_CHOICE_COMPONENT,
  VALUE_BADGE_COMPONENT,
} from '../components.js';
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

/** After a new account is saved: its invitation, when the form asks for one (see invitationWanted). */
function inviteNewAccount(services: Services): After<ActionResponse> {
  return async (response, request, context) => {
    const record = response.record as RecordJSON | undefined;
    const created = request.method === 'post' && record?.id && Object.keys(record.errors).length === 0;
    if (!created || !invitationWanted(request.payload ?? {})) return response;
    try {
      await services.links.sendInvitation(Number(record.id), actorOf(context.currentAdmin));
    } catch {
      // The account exists either way; say so, and how to send the invitation again.
      return {
        ...response,
        notice: {
          message: `${record.params.email} is created, but the invitation could not be sent: use Send invitation on the account.`,
          type: 'error',
        },
      };
    }
    return {
      ...response,
      notice: { message: `${record.params.email} is created; an invitation is on its way to them.`, type: 'success' },
    };
  };
}

export function userResourceOptions(
  prisma: PrismaClient,
  datamodel: Datamodel,
  services: Services,
): ResourceWithOptions {
  const resource = new UserResource(resourceArgs(prisma, datamodel, 'User'), services.users, services.links);
  return {
    resource,
    options: {
      id: 'User',
      navigation: { name: 'Accounts', icon: 'Shield' },
      sort: { sortBy: 'email', direction: 'asc' },
      listProperties: ['id', 'email', 'name', 'role', 'isActive', 'invitation', 'lastLoginAt'],
      showProperties: [
        'id',
        'email',
        'name',
        'role',
        'isActive',
        'invitation',
        'lastLoginAt',
        'passwordChangedAt',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [EDIT_CONFLICT_PROPERTY, 'email', 'name', 'role', 'isActive', 'password', 'sendInvitation'],
      filterProperties: [USER_SEARCH_FILTER, 'role', 'isActive'],
      properties: {
        email: { isTitle: true, isRequired: true, isDisabled: false },
        name: { isRequired: true },
        role: {
          isRequired: true,
          components: { edit: ROLE_CHOICE_COMPONENT, list: VALUE_BADGE_COMPONENT, show: VALUE_BADGE_COMPONENT },
          custom: {
            defaultRole: newUserSchema.shape.role.parse(undefined),
            roles: ROLES.map((value) => ({ value, label: ROLE_LABELS[value], description: ROLE_DESCRIPTIONS[value] })),
          },
        },
        isActive: {
          components: { edit: ACCOUNT_CHECKBOX_COMPONENT, list: VALUE_BADGE_COMPONENT, show: VALUE_BADGE_COMPONENT },
          description: 'An inactive account cannot sign in; its sessions end at once.',
        },
        invitation: {
          type: 'string',
          isSortable: false,
          availableValues: INVITATION_STATUSES.map((value) => ({ value, label: INVITATION_STATUS_LABELS[value] })),
          isVisible: { list: true, show: true, edit: false, filter: false },
          components: { list: INVITATION_STATUS_COMPONENT, show: INVITATION_STATUS_COMPONENT },
        },
        sendInvitation: {
          type: 'boolean',
          components: { edit: ACCOUNT_CHECKBOX_COMPONENT },
          description: 'A link to choose their own password, valid once for 72 hours.',
          isVisible: { list: false, show: false, edit: true, filter: false },
          custom: {
            newOnly: true,
            notApplicable: [
              { field: 'password', when: 'filled', reason: 'Not needed: the account gets the password typed above.' },
              { field: 'isActive', when: 'unticked', reason: INACTIVE_INVITATION_MESSAGE },
            ],
          },
        },
        password: {
          type: 'password',
          components: { edit: PASSWORD_FIELD_COMPONENT },
          description: `At least ${PASSWORD_MIN_LENGTH} characters. Leave empty to invite a new account instead, or to keep the current password when editing; a new one signs the user out everywhere.`,
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
        new: { isAccessible: allowedBy('User', 'create'), after: [inviteNewAccount(services), withoutTypedPassword] },
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
          // Offered to active accounts without a password; an account with one gets a password reset.
          isVisible: allowedWhen(
            'User',
            'invite',
            (params) => Boolean(params.isActive) && params.invitation !== 'accepted',
          ),
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
