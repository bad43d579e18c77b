/**
 * The Home's data as the panel's Home component reads it: the domain's overview (src/domain/
 * dashboard/home.ts) with a link for every number — the list it counts, filtered the way the list
 * reads its URL (filters.status, filters.createdAt~~from / ~~to as exact instants) — and for every
 * recent action, its record.
 */
import { recordNoun } from '../../domain/audit/audit-sentences.js';
import type { CustomerStatus } from '../../domain/customers/query.js';
import type { HomeOverview } from '../../domain/dashboard/home.js';
import type { RecentAction } from '../../domain/dashboard/recent-actions.js';
import { ADMIN_ROOT } from '../paths.js';

export interface HomeNumber {
  /** A stable name, for tests: "active", "addedToday", … */
  key: string;
  label: string;
  value: number;
  href: string;
}

export interface HomeAction {
  id: number;
  /** ISO 8601. */
  at: string;
  actorName: string;
  sentences: string[];
  details: string[];
  /** "Ada Lovelace" */
  record: string;
  /** "customer #42" */
  kind: string;
  href: string;
}

export interface HomeLink {
  key: string;
  label: string;
  href: string;
}

export interface HomeBody {
  timeZone: string;
  customerNumbers: HomeNumber[];
  accessNumbers?: HomeNumber[];
  addedPerDay: Array<{ date: string; added: number; href: string }>;
  myActions: HomeAction[];
  teamActions?: HomeAction[];
  quickLinks: HomeLink[];
  /** Where the search form sends its words (as filters.search). */
  customerListHref: string;
}

function listUrl(resourceId: string, filters: Record<string, string> = {}): string {
  const query = new URLSearchParams(Object.entries(filters).map(([name, value]) => [`filters.${name}`, value]));
  return `${ADMIN_ROOT}/resources/${resourceId}${query.size > 0 ? `?${query}` : ''}`;
}

/** The customer list of a status, created from `from` (inclusive) up to `to` (exclusive). */
export function customerListUrl(status: CustomerStatus, created?: { from: Date; to: Date }): string {
  return listUrl('Customer', {
    ...(status === 'active' ? {} : { status }),
    ...(created
      ? {
          'createdAt~~from': created.from.toISOString(),
          // The list's upper bound is inclusive: the last millisecond before the next period.
          'createdAt~~to': new Date(created.to.getTime() - 1).toISOString(),
        }
      : {}),
  });
}

function homeAction({
  id,
  at,
  actorName,
  sentences,
  details,
  resource,
  recordId,
  recordName,
}: RecentAction): HomeAction {
  return {
    id,
    at: at.toISOString(),
    actorName,
    sentences,
    details,
    record: recordName,
    kind: `${recordNoun(resource)} #${recordId}`,
    href: `${ADMIN_ROOT}/resources/${resource}/records/${encodeURIComponent(recordId)}/show`,
  };
}

export function homeBody(overview: HomeOverview, quickLinks: HomeLink[]): HomeBody {
  const { now, periods, customers, access } = overview;
  const createdSince = (from: Date) => customerListUrl('all', { from, to: periods.tomorrow });
  return {
    timeZone: periods.timeZone,
    customerNumbers: [
      { key: 'active', label: 'Active customers', value: customers.active, href: customerListUrl('active') },
      { key: 'addedToday', label: 'Added today', value: customers.addedToday, href: createdSince(periods.today) },
      {
        key: 'addedThisWeek',
        label: 'Added this week',
        value: customers.addedThisWeek,
        href: createdSince(periods.week),
      },
      {
        key: 'addedThisMonth',
        label: 'Added this month',
        value: customers.addedThisMonth,
        href: createdSince(periods.month),
      },
      { key: 'deleted', label: 'Deleted, can be restored', value: customers.deleted, href: customerListUrl('deleted') },
    ],
    ...(access
      ? {
          accessNumbers: [
            {
              key: 'activeStaff',
              label: 'Active staff accounts',
              value: access.activeStaff,
              href: listUrl('User', { isActive: 'true' }),
            },
            {
              key: 'failedSignIns',
              label: 'Failed sign-ins, last 24 hours',
              value: access.failedSignIns,
              href: listUrl('AuditLog', {
                action: 'login_failed',
                'at~~from': access.failedSignInsSince.toISOString(),
                'at~~to': now.toISOString(),
              }),
            },
          ],
        }
      : {}),
    addedPerDay: overview.addedPerDay.map(({ date, from, to, added }) => ({
      date,
      added,
      href: customerListUrl('all', { from, to }),
    })),
    myActions: overview.myActions.map(homeAction),
    ...(overview.teamActions ? { teamActions: overview.teamActions.map(homeAction) } : {}),
    quickLinks,
    customerListHref: listUrl('Customer'),
  };
}
