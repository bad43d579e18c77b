/**
 * A form saved through AdminJS (new, edit) keeps only the fields its form shows. AdminJS stores
 * every submitted param in the record before saving it and takes the record's id from there, so an
 * edit of customer 23 with `id=24` in its body changed customer 24. The record in the URL is the one
 * an action touches; `id`, `deletedAt` and anything else not editable is dropped here.
 */
import type AdminJS from 'adminjs';
import type { RequestHandler } from 'express';
import { parsePanelRoute } from './panel-route.js';

const SAVING_ACTIONS = new Set(['new', 'edit']);

/**
 * Not editable, yet sent back by an edit form: the version it was loaded with, which the domain
 * compares with the current one (docs/decisions/022-optimistic-concurrency.md).
 */
const CARRIED_BY_EDIT = ['version'];

/** "phone" keeps "phone" and nested "phone.0"; nothing else. */
function isUnder(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}.`);
}

export function keepEditableFields(admin: AdminJS): RequestHandler {
  const editable = new Map(
    admin.resources.map((resource) => {
      const decorated = resource.decorate();
      return [decorated.id(), decorated.getProperties({ where: 'edit' }).map((property) => property.propertyPath)];
    }),
  );
  return (req, _res, next) => {
    const route = req.method === 'POST' ? parsePanelRoute(req.path) : null;
    const editablePaths = route?.isApi && SAVING_ACTIONS.has(route.action) ? editable.get(route.resourceId) : undefined;
    const paths = editablePaths && route?.action === 'edit' ? [...editablePaths, ...CARRIED_BY_EDIT] : editablePaths;
    if (paths && req.fields) {
      req.fields = Object.fromEntries(
        Object.entries(req.fields).filter(([field]) => paths.some((path) => isUnder(field, path))),
      );
    }
    next();
  };
}
