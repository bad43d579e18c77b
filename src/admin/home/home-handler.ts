/**
 * The Home's data route (AdminJS's dashboard handler, GET /admin/api/dashboard?timeZone=…): the
 * domain's overview for the signed-in person in their browser's time zone, with its links
 * (home-body.ts) and the quick links their role may follow — "Import customers" once the Customer
 * resource has an `import` action they may use.
 */
import type AdminJS from 'adminjs';
import type { CurrentAdmin } from 'adminjs';
import type { Services } from '../../domain/services.js';
import { actorOf } from '../current-admin.js';
import { ADMIN_ROOT } from '../paths.js';
import { homeBody, type HomeBody, type HomeLink } from './home-body.js';

/** Customer actions the Home links to, shown to whoever may use them. */
const CUSTOMER_ACTION_LINKS: readonly HomeLink[] = [
  { key: 'new', label: 'New customer', href: `${ADMIN_ROOT}/resources/Customer/actions/new` },
  { key: 'import', label: 'Import customers', href: `${ADMIN_ROOT}/resources/Customer/actions/import` },
];

function quickLinks(admin: AdminJS, currentAdmin: CurrentAdmin | undefined): HomeLink[] {
  const { actions } = admin.findResource('Customer').decorate();
  return CUSTOMER_ACTION_LINKS.filter(
    ({ key }) => Object.hasOwn(actions, key) && actions[key]!.isAccessible(currentAdmin),
  );
}

export function homeHandler(services: Services) {
  return async (
    request: { query?: Record<string, unknown> },
    _response: unknown,
    context: { currentAdmin?: CurrentAdmin; _admin: AdminJS },
  ): Promise<HomeBody> => {
    const overview = await services.home.overview(actorOf(context.currentAdmin), request.query?.timeZone);
    return homeBody(overview, quickLinks(context._admin, context.currentAdmin));
  };
}
