/**
 * GET /admin/customers/export?format=csv|xlsx&filters.…&sortBy=…&direction=… — the file behind the
 * Export action of the customer list. The list's query string is read exactly as AdminJS's list
 * reads it (its Filter, the resource's default sort) and translated by the customer resource's own
 * criteria, so the file holds the list's rows. Roles without the matrix's `export` get 403. A GET,
 * as it only reads: its audit entry is a record, not a change.
 */
import type AdminJS from 'adminjs';
import { Filter } from 'adminjs';
import express, { type Request, type Router } from 'express';
import { can, type Actor } from '../domain/accounts/permissions.js';
import { isExportFormat, type ExportRequest } from '../domain/customers/export.js';
import { writeExportFile } from '../domain/customers/export-file.js';
import type { Services } from '../domain/services.js';
import { asyncRoute } from '../http/async-route.js';
import { exportHeaders } from '../http/export-headers.js';
import { sendRefusal } from './refusal.js';
import { customerCriteriaOf } from './resources/customer-resource.js';

const CUSTOMER_EXPORT_PATH = '/customers/export';

const FILTER_PREFIX = 'filters.';

/** The export of the list a panel query string names, or null when its format is not one we write. */
function exportRequestOf(admin: AdminJS, req: Request): ExportRequest | null {
  const { format } = req.query;
  if (!isExportFormat(format)) return null;
  const resource = admin.findResource('Customer');
  const { sortBy, direction } = req.query;
  // "filters.search=ada&filters.createdAt~~from=2026-01-01", as the list's query string names them.
  const filters = Object.fromEntries(
    Object.entries(req.query)
      .filter((entry): entry is [string, string] => entry[0].startsWith(FILTER_PREFIX) && typeof entry[1] === 'string')
      .map(([key, value]) => [key.slice(FILTER_PREFIX.length), value]),
  );
  const defaults: { sortBy?: string; direction?: string } = resource.decorate().options.sort ?? {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    criteria: customerCriteriaOf(new Filter(filters, resource)),
    sortBy: text(sortBy) ?? defaults.sortBy,
    // AdminJS's list: the query's direction, else the resource's, else ascending.
    direction: (text(direction) ?? defaults.direction ?? 'asc') === 'asc' ? 'asc' : 'desc',
    format,
  };
}

/** Mounted after requireSignedIn: a request without a signed-in user here is a wiring mistake. */
function signedInActor(req: Request): Actor {
  const user = req.session.adminUser;
  if (!user) throw new Error('The export route was reached without a signed-in user.');
  return { id: user.id, role: user.role };
}

export function customerExportRoutes(admin: AdminJS, services: Pick<Services, 'customerExport'>): Router {
  const router = express.Router();
  router.get(
    CUSTOMER_EXPORT_PATH,
    asyncRoute(async (req, res) => {
      // The matrix first, as the action guard does for AdminJS's routes; the service checks it again.
      const actor = signedInActor(req);
      if (!can(actor.role, 'Customer', 'export'))
        return sendRefusal(req, res, { status: 403, message: 'Your role does not allow this action.' });
      const request = exportRequestOf(admin, req);
      if (!request) return sendRefusal(req, res, { status: 400, message: 'Choose the format: csv or xlsx.' });
      const run = services.customerExport.start(request, actor);
      res.status(200).set(exportHeaders(run));
      if (req.method !== 'HEAD') await writeExportFile(run, res);
      else res.end();
    }),
  );
  return router;
}
