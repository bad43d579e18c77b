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

// A state-changing record action's confirmation screen: its button POSTs (nothing changes on a GET).
export const CONFIRM_ACTION_COMPONENT = register('ConfirmAction', 'confirm-action');

// The Export action of the customer list: its downloads, CSV and XLSX, of the list behind it.
export const CUSTOMER_EXPORT_COMPONENT = register('CustomerExport', 'customer-export');
