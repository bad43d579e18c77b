/**
 * Invitations and password resets: single-use links that expire. The token travels only in the
 * link; the database keeps its SHA-256, so a leaked table opens no account.
 */
import { randomBytes } from 'node:crypto';
import type { PrismaClient, User } from '@prisma/client';
import { recordAudit } from '../audit/audit-log.js';
import { currentAuditContext } from '../audit/audit-context.js';
import { isEmailAddress, normalizeEmail } from '../email.js';
import { FieldValidationError } from '../errors.js';
import type { Clock } from '../clock.js';
import type { Transaction } from '../../db/transaction.js';
import type { ResetRequestThrottle } from './login-throttle.js';
import { blankToUndefined } from '../form-values.js';
import { invitationStatuses, type InvitationStatus } from './invitation-status.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { hashToken } from './token-hash.js';
import { assertCan, type Actor } from './permissions.js';
import type { UserService } from './users.js';

export type LinkPurpose = 'invite' | 'reset';
export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = { invite: 72 * 60 * 60 * 1000, reset: 60 * 60 * 1000 };
export const LINK_PATHS: Record<LinkPurpose, string> = {
  invite: '/admin/accept-invitation',
  reset: '/admin/reset-password',
};

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

export const INVALID_LINK_MESSAGE = 'This link is invalid, has expired or has already been used. Ask for a new one.';

export const INACTIVE_INVITATION_MESSAGE = 'This account is deactivated: activate it before sending an invitation.';

/**
 * Spends every unused link of an account (in the caller's transaction): a deactivation does, so
 * that a link sent before it does not work again after a reactivation.
 */
export async function spendLinksOf(tx: Transaction, userId: number, at: Date): Promise<void> {
  await tx.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: at } });
}

/**
 * Whether a new-account form asks for an invitation: an account created without a password gets
 * one unless the form says not to ("Send invitation email" unticked); one created with a password,
 * or inactive, needs none (it could not use it).
 */
export function invitationWanted(form: Record<string, unknown>): boolean {
  const declined = (value: unknown) => value === false || value === 'false';
  return blankToUndefined(form.password) === undefined && !declined(form.sendInvitation) && !declined(form.isActive);
}

export interface OneTimeLinkDeps {
  prisma: PrismaClient;
  clock: Clock;
  users: UserService;
  mail: MailSender;
  publicUrl: string;
  productName: string;
  resetRequests: ResetRequestThrottle;
}

export function createOneTimeLinks({
  prisma,
  clock,
  users,
  mail,
  publicUrl,
  productName,
  resetRequests,
}: OneTimeLinkDeps) {
  async function issue(user: User, purpose: LinkPurpose): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = clock();
    await prisma.accountToken.create({
      data: {
        userId: user.id,
        purpose,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + LINK_LIFETIME_MS[purpose]),
      },
    });
    return `${publicUrl}${LINK_PATHS[purpose]}?token=${token}`;
  }

  async function findUsable(token: string, purpose: LinkPurpose) {
    if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
    const record = await prisma.accountToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: true },
    });
    if (!record || record.purpose !== purpose || record.usedAt || record.expiresAt.getTime() <= clock().getTime())
      return null;
    // A deactivated account's links do not work (deactivation also spends them: see spendLinksOf).
    if (!record.user.isActive) return null;
    return record;
  }

  return {
    /** A superuser invites a user to set their own password (also to resend). */
    async sendInvitation(userId: number, actor: Actor): Promise<void> {
      assertCan(actor, 'User', 'edit');
      const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
      if (!user.isActive) throw new FieldValidationError({ isActive: INACTIVE_INVITATION_MESSAGE });
      const link = await issue(user, 'invite');
      await mail.send({
        to: user.email,
        subject: `You are invited to ${productName}`,
        text: `Hello ${user.name},\n\nYou have been given a staff account on ${productName}. Choose your password here (the link works once, for 72 hours):\n\n${link}\n\nYour sign-in email is ${user.email}.\n`,
      });
      await recordAudit(prisma, clock, {
        actorId: actor.id,
        action: 'invitation_sent',
        resource: 'User',
        recordId: user.id,
      });
    },

    /**
     * Forgot password: a link for an existing, active account; nothing otherwise (nor over the
     * request limits). The caller answers the same either way, so nobody learns which emails
     * have accounts. Sent by a superuser (`actor`), it is not limited.
     */
    async requestPasswordReset(email: string, actor?: Actor): Promise<void> {
      if (actor) assertCan(actor, 'User', 'sendPasswordReset');
      if (typeof email !== 'string' || !isEmailAddress(email)) return;
      const address = normalizeEmail(email);
      if (!actor && !(await resetRequests.allow(address, currentAuditContext().ip))) return;
      const user = await users.findByEmail(address);
      if (!user || !user.isActive) return;
      const link = await issue(user, 'reset');
      await mail.send({
        to: user.email,
        subject: `Reset your ${productName} password`,
        text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset the password of ${user.email}. Choose a new one here (the link works once, for 1 hour):\n\n${link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n`,
      });
    },

    /** Where each account's invitation stands (the staff list's column). */
    invitationStatuses(
      users: ReadonlyArray<Pick<User, 'id' | 'passwordHash'>>,
    ): Promise<Map<number, InvitationStatus>> {
      return invitationStatuses(prisma, users, clock());
    },

    /** Whose link this is, if it can still be used (for showing the form). */
    async linkOwner(token: string, purpose: LinkPurpose): Promise<{ email: string; name: string } | null> {
      const record = await findUsable(token, purpose);
      return record ? { email: record.user.email, name: record.user.name } : null;
    },

    /**
     * Sets the password through a link and uses the link up; other links of the same kind die too.
     * Returns the account's email, for the sign-in form that follows.
     */
    async completeWithPassword(
      token: string,
      purpose: LinkPurpose,
      password: string,
      confirmation: string,
    ): Promise<{ email: string }> {
      const record = await findUsable(token, purpose);
      if (!record) throw new FieldValidationError({ token: INVALID_LINK_MESSAGE });
      const problem = passwordProblem(password, record.user.email);
      if (problem) throw new FieldValidationError({ password: problem });
      if (password !== confirmation) throw new FieldValidationError({ confirmation: 'The two passwords differ.' });
      const passwordHash = await hashPassword(password);
      await prisma.$transaction(async (tx) => {
        const used = await tx.accountToken.updateMany({
          where: { id: record.id, usedAt: null },
          data: { usedAt: clock() },
        });
        if (used.count !== 1) throw new FieldValidationError({ token: INVALID_LINK_MESSAGE });
        await tx.accountToken.updateMany({
          where: { userId: record.userId, purpose, usedAt: null },
          data: { usedAt: clock() },
        });
        await users.writePassword(tx, record.user, passwordHash, null, record.userId);
        const action = purpose === 'invite' ? 'invitation_accepted' : 'password_reset';
        await recordAudit(tx, clock, { actorId: record.userId, action, resource: 'User', recordId: record.userId });
      });
      return { email: record.user.email };
    },
  };
}

export type OneTimeLinks = ReturnType<typeof createOneTimeLinks>;
