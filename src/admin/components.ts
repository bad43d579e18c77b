/**
 * The panel's custom React components (AdminJS ComponentLoader). Register every component here:
 * `npm run build` prebuilds the production bundle from exactly this loader (src/admin/build.ts).
 * Give it the .tsx source paths, not compiled ones (the bundler would inline react/jsx-runtime).
 */
import path from 'node:path';
import { ComponentLoader } from 'adminjs';

export const componentLoader = new ComponentLoader();

/** Registers src/admin/components/<file>.tsx under `name`; returns the name, for resource options. */
const register = (name: string, file: string) =>
  componentLoader.add(name, path.join(import.meta.dirname, 'components', file));

// The Home (the dashboard) and audit entries as sentences: History, the audit log's entry page.
export const HOME_COMPONENT = register('Home', 'home');
export const RECORD_HISTORY_COMPONENT = register('RecordHistory', 'record-history');
export const AUDIT_ENTRY_CHANGES_COMPONENT = register('AuditEntryChanges', 'audit-entry-changes');
export const AUDIT_RECORD_LINK_COMPONENT = register('AuditRecordLink', 'audit-record-link');
export const AUDIT_ACTOR_FILTER_COMPONENT = register('AuditActorFilter', 'audit-actor-filter');

// The staff form and list: roles described, checkboxes ticked by default, a named Show button for
// the password, invitation status.
export const ROLE_CHOICE_COMPONENT = register('RoleChoice', 'role-choice');
export const ACCOUNT_CHECKBOX_COMPONENT = register('AccountCheckbox', 'account-checkbox');
export const INVITATION_STATUS_COMPONENT = register('InvitationStatus', 'invitation-status');
export const PASSWORD_FIELD_COMPONENT = register('PasswordField', 'password-field');
// Roles and audit actions as badges told apart by colour, at AA contrast (lists and record pages).
export const VALUE_BADGE_COMPONENT = register('ValueBadge', 'value-badge');

// The head of an edit form after a save that met someone else's change: both values per field.
export const EDIT_CONFLICT_COMPONENT = register('EditConflict', 'edit-conflict');

// A state-changing record action's confirmation screen: its button POSTs (nothing changes on a GET).
export const CONFIRM_ACTION_COMPONENT = register('ConfirmAction', 'confirm-action');

// The top bar's avatar menu (AdminJS's LoggedIn): My profile and Log out, by keyboard too.
componentLoader.override('LoggedIn', path.join(import.meta.dirname, 'components', 'account-menu'));

// The customer screens: the list with its search box, the Name column, the Status filter, the
// email field (its "already belongs to customer #42" links to #42), the new-customer form.
export const CUSTOMER_LIST_COMPONENT = register('CustomerList', 'customer-list');
export const CUSTOMER_NAME_CELL_COMPONENT = register('CustomerNameCell', 'customer-name-cell');
export const STATUS_FILTER_COMPONENT = register('StatusFilter', 'status-filter');
export const CREATED_FILTER_COMPONENT = register('CreatedFilter', 'created-filter');
export const CUSTOMER_EMAIL_EDIT_COMPONENT = register('CustomerEmailEdit', 'customer-email-edit');
export const CUSTOMER_NEW_COMPONENT = register('CustomerNew', 'customer-new');

/**
 * AdminJS's own components replaced (docs/decisions/025-panel-screens.md): every screen's header
 * has breadcrumbs and one <h1> (a customer's names the customer); every other list names its
 * unnamed controls.
 */
const override = (name: Parameters<ComponentLoader['override']>[0], file: string) =>
  componentLoader.override(name, path.join(import.meta.dirname, 'components', file));
override('ActionHeader', 'panel-action-header');
override('DefaultListAction', 'panel-list');
// The bar over ticked rows of the customer list: "Delete 2 customers".
override('SelectedRecords', 'customer-selection');
// The sidebar's groups open and close by keyboard too.
override('SidebarResourceSection', 'sidebar-sections');
// Toasts that link to their record, stay until closed or the page changes, and fit a phone.
override('NoticeBox', 'notice-box');
// A refused page (403, 404) inside the panel, with the way back (src/admin/refusal-page.ts); the
// route is the page's <main>.
for (const route of ['ResourceRoute', 'ResourceActionRoute', 'RecordActionRoute', 'BulkActionRoute'] as const)
  override(route, 'panel-refusal');

// The Import customers page (the Customer resource's import action): upload, mapping, preview, apply, progress.
export const IMPORT_CUSTOMERS_COMPONENT = register('ImportCustomers', 'import-customers');

// The Export action of the customer list: its downloads, CSV and XLSX, of the list behind it.
export const CUSTOMER_EXPORT_COMPONENT = register('CustomerExport', 'customer-export');
