/** The AdminJS instance: resources, branding, locale. Wiring only; the rules live in domain/. */
import AdminJS from 'adminjs';
import type { PrismaClient } from '@prisma/client';
import { loadDatamodel } from '../db/dmmf.js';
import type { Services } from '../domain/services.js';
import { componentLoader, HOME_COMPONENT } from './components.js';
import { homeHandler } from './home/home-handler.js';
import { PRODUCT_NAME } from '../domain/product.js';
import { ADMIN_ROOT, BRAND_ASSETS_PATH } from './paths.js';
import { auditLogResourceOptions } from './resources/audit-log-options.js';
import { customerResourceOptions } from './resources/customer-options.js';
import { userResourceOptions } from './resources/user-options.js';

export function createAdmin(prisma: PrismaClient, services: Services): AdminJS {
  const datamodel = loadDatamodel();
  return new AdminJS({
    rootPath: ADMIN_ROOT,
    componentLoader,
    loginPath: `${ADMIN_ROOT}/login`,
    logoutPath: `${ADMIN_ROOT}/logout`,
    // The Home, instead of AdminJS's "Welcome on Board!" page: the logo, the Home breadcrumb, /admin.
    dashboard: { component: HOME_COMPONENT, handler: homeHandler(services) },
    resources: [
      customerResourceOptions(prisma, datamodel, services),
      userResourceOptions(prisma, datamodel, services),
      auditLogResourceOptions(prisma, datamodel, services),
    ],
    branding: {
      companyName: PRODUCT_NAME,
      logo: `${BRAND_ASSETS_PATH}/logo.svg`,
      favicon: `${BRAND_ASSETS_PATH}/favicon.svg`,
      withMadeWithLove: false,
      theme: {
        colors: {
          primary100: '#1f4fd8',
          primary80: '#4c72e0',
          primary60: '#7995e8',
          primary40: '#a5b9ef',
          primary20: '#d2dcf7',
        },
      },
    },
    version: { admin: false, app: undefined },
    settings: { defaultPerPage: 20 },
    locale: {
      language: 'en',
      availableLanguages: ['en'],
      translations: {
        en: {
          labels: {
            Customer: 'Customers',
            User: 'Staff accounts',
            AuditLog: 'Audit log',
            navigation: 'Navigation',
            dashboard: 'Home',
          },
          resources: {
            Customer: {
              actions: {
                list: 'Customers',
                new: 'New customer',
                bulkDelete: 'Delete customers',
                import: 'Import customers',
              },
              properties: { name: 'Name' },
            },
            User: { actions: { list: 'Staff accounts' } },
            AuditLog: { actions: { list: 'Audit log' } },
          },
          properties: {
            firstName: 'First name',
            lastName: 'Last name',
            dateOfBirth: 'Date of birth',
            createdAt: 'Created',
            updatedAt: 'Updated',
            deletedAt: 'Deleted',
            createdBy: 'Created by',
            updatedBy: 'Updated by',
            isActive: 'Active',
            lastLoginAt: 'Last sign-in',
            passwordChangedAt: 'Password changed',
            search: 'Search',
            status: 'Status',
            password: 'Password',
            sendInvitation: 'Send invitation email',
            invitation: 'Invitation',
            at: 'When',
            actor: 'Who',
            recordId: 'Record #',
            userAgent: 'Browser',
            ip: 'IP address',
          },
          actions: {
            restore: 'Restore',
            history: 'History',
            invite: 'Send invitation',
            sendPasswordReset: 'Send password reset',
          },
          messages: {
            successfullyDeleted: 'Customer deleted. It is kept and can be restored from the “Deleted” status filter.',
            successfullyBulkDeleted:
              '{{count}} customers deleted. They can be restored from the “Deleted” status filter.',
            confirmDelete: 'Delete this customer? It is hidden from the list and can be restored later.',
            confirmBulkDelete: 'Delete these customers? They are hidden from the list and can be restored later.',
            forbiddenError: 'Your role does not allow this action.',
            anyForbiddenError: 'Your role does not allow this action.',
            thereWereValidationErrors: 'Please correct the highlighted fields.',
            // AdminJS's own not-found texts ("Resource of given id … does not have an action with name")
            // in a clerk's words: a page opened inside the panel whose record or action is not there.
            pageNotFound_title: 'Page not found',
            error404Resource: 'There is no such page in the panel.',
            error404Action: 'There is no such page in the panel.',
            error404Record: 'There is no record #{{recordId}}: it may have been removed, or the link is wrong.',
            errorFetchingRecord: 'This record could not be opened: it does not exist, or your role may not open it.',
          },
        },
      },
    },
  });
}
