/**
 * The Home: what a signed-in person sees first, for every role — customer numbers for today, this
 * week and this month (in their own time zone, see calendar-periods.ts), the customers added per
 * day over 90 days, their recent actions, and by the matrix's Home cells the team's recent actions
 * (superusers, managers) and the access numbers: active staff, failed sign-ins in 24 hours
 * (superusers). Every number comes from counters or an index, never from counting a table.
 */
import type { PrismaClient } from '@prisma/client';
import { assertCan, can, type Actor } from '../accounts/permissions.js';
import type { Clock } from '../clock.js';
import { calendarPeriods, type CalendarPeriods } from './calendar-periods.js';
import { createCustomerCounts } from './customer-counts.js';
import { createRecentActions, type RecentAction } from './recent-actions.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DayCount {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  from: Date;
  /** Exclusive. */
  to: Date;
  added: number;
}

export interface AccessCounts {
  activeStaff: number;
  failedSignIns: number;
  /** 24 hours before now. */
  failedSignInsSince: Date;
}

export interface HomeOverview {
  now: Date;
  periods: Omit<CalendarPeriods, 'days' | 'dates'>;
  customers: { active: number; deleted: number; addedToday: number; addedThisWeek: number; addedThisMonth: number };
  addedPerDay: DayCount[];
  /** Superusers only. */
  access?: AccessCounts;
  myActions: RecentAction[];
  /** Superusers and managers. */
  teamActions?: RecentAction[];
}

export interface HomeServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
}

export function createHomeService({ prisma, clock }: HomeServiceDeps) {
  const counts = createCustomerCounts(prisma);
  const recentActions = createRecentActions(prisma);

  async function accessCounts(now: Date): Promise<AccessCounts> {
    const failedSignInsSince = new Date(now.getTime() - DAY_MS);
    const [activeStaff, failedSignIns] = await Promise.all([
      prisma.user.count({ where: { isActive: true } }),
      prisma.auditLog.count({ where: { action: 'login_failed', at: { gte: failedSignInsSince } } }),
    ]);
    return { activeStaff, failedSignIns, failedSignInsSince };
  }

  return {
    /** The Home of `actor`, its days counted in `timeZone` (an IANA name from the browser; else UTC). */
    async overview(actor: Actor, timeZone: unknown): Promise<HomeOverview> {
      assertCan(actor, 'Customer', 'list');
      const now = clock();
      const { days, dates, ...periods } = calendarPeriods(now, typeof timeZone === 'string' ? timeZone : 'UTC');
      const [totals, added, perDay, myActions, teamActions, access] = await Promise.all([
        counts.totals(),
        counts.addedSince([periods.today, periods.week, periods.month], periods.tomorrow),
        counts.addedBetween(days),
        recentActions.mine(actor),
        can(actor.role, 'Home', 'teamActions') ? recentActions.team(actor) : undefined,
        can(actor.role, 'Home', 'accessCounts') ? accessCounts(now) : undefined,
      ]);
      const [addedToday = 0, addedThisWeek = 0, addedThisMonth = 0] = added;
      return {
        now,
        periods,
        customers: { ...totals, addedToday, addedThisWeek, addedThisMonth },
        addedPerDay: perDay.map((count, i) => ({ date: dates[i]!, from: days[i]!, to: days[i + 1]!, added: count })),
        ...(access ? { access } : {}),
        myActions,
        ...(teamActions ? { teamActions } : {}),
      };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
