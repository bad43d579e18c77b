/**
 * Who is who in the audit log: every staff account's name and email, for the "Who" filter of
 * whoever may read the log (managers too, who may not open staff accounts). Names and emails only,
 * as the log's own rows already show them — never a role, state, sign-in or history.
 */
import type { PrismaClient } from '@prisma/client';
import { assertCan, type Actor } from './permissions.js';

export interface StaffName {
  id: number;
  name: string;
  email: string;
}

export function createStaffNames(prisma: PrismaClient) {
  return {
    /**
     * Every account, deactivated ones too (their entries stay in the log), by name. A staff table
     * holds tens of rows, not thousands: the filter offers them all in one list.
     */
    async list(actor: Actor): Promise<StaffName[]> {
      assertCan(actor, 'AuditLog', 'staffNames');
      return prisma.user.findMany({
        select: { id: true, name: true, email: true },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
    },
  };
}

export type StaffNames = ReturnType<typeof createStaffNames>;
