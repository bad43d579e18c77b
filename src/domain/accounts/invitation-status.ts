/**
 * Where a staff account's invitation stands, for the staff list: derived from whether the account
 * has a password and from its invitation links (AccountToken, purpose "invite"), never stored.
 */
import type { PrismaClient, User } from '@prisma/client';
import { hasPassword } from './passwords.js';

export const INVITATION_STATUSES = ['accepted', 'invited', 'expired', 'not_invited'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  accepted: 'Accepted',
  invited: 'Invited',
  expired: 'Invitation expired',
  not_invited: 'Not invited',
};

export interface InvitationLink {
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * An account with a password has accepted (its invitation, or a password a superuser set). Without
 * one, it is invited while a link still works, expired when every link it was sent has run out or
 * was spent (a deactivation spends them), and not invited when it was never sent one.
 */
export function invitationStatus(
  accountHasPassword: boolean,
  invitations: readonly InvitationLink[],
  now: Date,
): InvitationStatus {
  if (accountHasPassword) return 'accepted';
  if (invitations.some((link) => link.usedAt === null && link.expiresAt.getTime() > now.getTime())) return 'invited';
  return invitations.length > 0 ? 'expired' : 'not_invited';
}

/** The status of each listed account: one query for the invitation links of those without a password. */
export async function invitationStatuses(
  prisma: PrismaClient,
  users: ReadonlyArray<Pick<User, 'id' | 'passwordHash'>>,
  now: Date,
): Promise<Map<number, InvitationStatus>> {
  const waiting = users.filter((user) => !hasPassword(user.passwordHash)).map((user) => user.id);
  const links =
    waiting.length === 0
      ? []
      : await prisma.accountToken.findMany({
          where: { userId: { in: waiting }, purpose: 'invite' },
          select: { userId: true, expiresAt: true, usedAt: true },
        });
  return new Map(
    users.map((user) => [
      user.id,
      invitationStatus(
        hasPassword(user.passwordHash),
        links.filter((link) => link.userId === user.id),
        now,
      ),
    ]),
  );
}
