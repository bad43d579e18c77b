/**
 * Staff accounts: create, update (name, role, active flag), change password. The rules that keep
 * the panel administrable live here: nobody demotes or deactivates themselves, and the last
 * active superuser stays.
 */
import type { Prisma, PrismaClient, User } from '@prisma/client';
import type { Transaction } from '../../db/transaction.js';
import { z } from 'zod';
import { lockActiveSuperusers } from '../../db/row-locks.js';
import { uniqueViolationFields } from '../../db/unique-violation.js';
import { lastChangeOf } from '../audit/last-change.js';
import { EditConflictError, FieldValidationError, NotFoundError } from '../errors.js';
import { changeAtVersion, type WriteCondition } from '../record-version.js';
import { emailSchema, normalizeEmail } from '../email.js';
import { blankToUndefined } from '../form-values.js';
import { personName } from '../person-name.js';
import type { Clock } from '../clock.js';
import { changesBetween, recordAudit, type AuditAction, type Changes } from '../audit/audit-log.js';
import { pageWindow, type Page, type PageRequest } from '../paging.js';
import { hashPassword, passwordProblem, unusablePasswordHash, verifyPassword } from './passwords.js';
import { assertCan, ROLES, type Actor } from './permissions.js';
import { spendLinksOf } from './one-time-links.js';
import { revokeSignInsOf } from './refresh-tokens.js';
import { userOrderBy, userWhere, type UserListCriteria } from './user-query.js';

export type PublicUser = Omit<User, 'passwordHash'>;

export interface UserServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
}

const name = personName('Name');
const email = emailSchema;
const role = z.enum(ROLES, { errorMap: () => ({ message: `Choose one of: ${ROLES.join(', ')}.` }) });
const isActive = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean({ invalid_type_error: 'Choose active or inactive.' }),
);
// Empty means: no password (a new account then waits for its invitation), or keep the current one.
const optionalNewPassword = z.preprocess(
  blankToUndefined,
  z.string({ invalid_type_error: 'Password must be text.' }).optional(),
);

/** The fields of a new account (exported for the API's documentation; validation happens in `create`). */
export const newUserSchema = z.object({
  email,
  name,
  role: role.default('STAFF'),
  isActive: isActive.default(true),
  password: optionalNewPassword,
});
/** The fields of an account change (exported for the API's documentation; validation happens in `update`). */
export const userChangesSchema = z
  .object({ email, name, role, isActive })
  .partial()
  .extend({ password: optionalNewPassword });

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}

export function toPublicUser({ passwordHash: _hidden, ...user }: User): PublicUser {
  return user;
}

export type UserService = ReturnType<typeof createUserService>;

const AUDITED_USER_FIELDS = ['email', 'name', 'role', 'isActive'] as const;

/** The audit action an account change is filed under (one entry per change). */
function userChangeAction(changes: Changes): AuditAction {
  if (changes.isActive) return changes.isActive[1] ? 'activate' : 'deactivate';
  if (changes.role) return 'role_change';
  return 'update';
}

export function createUserService({ prisma, clock }: UserServiceDeps) {
  async function findExisting(id: number): Promise<User> {
    const user = Number.isSafeInteger(id) ? await prisma.user.findUnique({ where: { id } }) : null;
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async function emailTakenError(address: string): Promise<FieldValidationError> {
    const holder = await prisma.user.findUnique({ where: { email: address }, select: { id: true } });
    return new FieldValidationError({ email: `The email ${address} already belongs to user #${holder?.id ?? '?'}.` });
  }

  function passwordErrors(password: string | undefined, email: string): Record<string, string> {
    const problem = password === undefined ? null : passwordProblem(password, email);
    return problem ? { password: problem } : {};
  }

  /**
   * Stores a new password hash (computed by the caller before its transaction: argon2 takes a
   * while, and a write transaction should not wait on it); sessions signed in before now stop
   * working. `action` null: the caller files the change under its own audit action.
   */
  async function writePassword(
    tx: Transaction,
    user: User,
    passwordHash: string,
    action: 'password_change' | 'password_reset' | null,
    actorId: number | null,
  ): Promise<void> {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: clock(), version: { increment: 1 } },
    });
    if (action) await recordAudit(tx, clock, { actorId, action, resource: 'User', recordId: user.id });
  }

  /**
   * Changes the account if it is still at the version read, and raises the version, in one
   * statement (UPDATE … WHERE id = ? AND version = ?): false when someone else wrote in between.
   */
  async function writeIfUnchanged(
    tx: Transaction,
    read: User,
    data: Prisma.UserUncheckedUpdateManyInput,
  ): Promise<boolean> {
    const { count } = await tx.user.updateMany({
      where: { id: read.id, version: read.version },
      data: { ...data, version: { increment: 1 } },
    });
    return count > 0;
  }

  async function conflict(current: User, expectedVersion: number): Promise<EditConflictError> {
    const lastChange = await lastChangeOf(prisma, 'User', current.id);
    return new EditConflictError('User', toPublicUser(current), expectedVersion, lastChange);
  }

  /** The account `id` as changeAtVersion reads it. */
  const versioned = (id: number) => ({ read: () => findExisting(id), conflict });

  return {
    async list(criteria: UserListCriteria, request: PageRequest, actor: Actor): Promise<Page<PublicUser>> {
      assertCan(actor, 'User', 'list');
      const where = userWhere(criteria);
      const [users, total] = await Promise.all([
        prisma.user.findMany({
          where,
          orderBy: userOrderBy(request.sortBy, request.direction),
          ...pageWindow(request),
        }),
        prisma.user.count({ where }),
      ]);
      return { items: users.map(toPublicUser), total };
    },

    /**
     * Creates an account; without a password it cannot sign in until its invitation is accepted.
     * With `actor` null it is the bootstrap or CLI path (no role check).
     */
    async create(input: Record<string, unknown>, actor: Actor | null): Promise<PublicUser> {
      if (actor) assertCan(actor, 'User', 'create');
      const parsed = newUserSchema.safeParse(input);
      const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
      if (parsed.success) Object.assign(errors, passwordErrors(parsed.data.password, parsed.data.email));
      if (!parsed.success || Object.keys(errors).length > 0) throw new FieldValidationError(errors);
      const { password: plain, ...data } = parsed.data;
      if (await prisma.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
        throw await emailTakenError(data.email);
      }
      const passwordHash = plain === undefined ? unusablePasswordHash() : await hashPassword(plain);
      try {
        const user = await prisma.$transaction(async (tx) => {
          const created = await tx.user.create({ data: { ...data, passwordHash, passwordChangedAt: clock() } });
          await recordAudit(tx, clock, {
            actorId: actor?.id ?? null,
            action: 'create',
            resource: 'User',
            recordId: created.id,
            changes: changesBetween(null, created, AUDITED_USER_FIELDS),
          });
          return created;
        });
        return toPublicUser(user);
      } catch (error) {
        if (uniqueViolationFields(error) === null) throw error;
        throw await emailTakenError(data.email);
      }
    },

    /**
     * Name, email, role, active flag and (typed by a superuser) a new password, in one write.
     * Several changes at once get one audit entry each (the account change, then the password reset).
     */
    async update(
      id: number,
      input: Record<string, unknown>,
      actor: Actor,
      condition: WriteCondition = {},
    ): Promise<PublicUser> {
      assertCan(actor, 'User', 'edit');
      const parsed = userChangesSchema.safeParse(input);
      // Hashed once (argon2 takes a while), however often a lost race makes the change read again.
      let newHash: string | undefined;
      return changeAtVersion(versioned(id), condition, async (existing) => {
        const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
        const newPassword = parsed.success ? parsed.data.password : undefined;
        Object.assign(errors, passwordErrors(newPassword, existing.email));
        if (!parsed.success || Object.keys(errors).length > 0) throw new FieldValidationError(errors);
        const { password: _plain, ...requested } = parsed.data;
        const changes = changesBetween(existing, { ...existing, ...requested }, AUDITED_USER_FIELDS);
        const changesAccount = Object.keys(changes).length > 0;
        if (!changesAccount && newPassword === undefined) return toPublicUser(existing);
        if (changes.email && (await prisma.user.findUnique({ where: { email: String(changes.email[1]) } }))) {
          throw await emailTakenError(String(changes.email[1]));
        }
        const losesSuperuser =
          existing.role === 'SUPERUSER' && existing.isActive && Boolean(changes.role || changes.isActive);
        if (losesSuperuser && existing.id === actor.id) {
          throw new FieldValidationError(
            changes.isActive
              ? { isActive: 'You cannot deactivate your own account.' }
              : { role: 'You cannot remove your own superuser role.' },
          );
        }
        if (newPassword !== undefined) newHash ??= await hashPassword(newPassword);
        const deactivated = Boolean(changes.isActive && !changes.isActive[1]);
        const data = {
          ...requested,
          ...(deactivated ? { sessionsRevokedAt: clock() } : {}),
          ...(newHash === undefined ? {} : { passwordHash: newHash, passwordChangedAt: clock() }),
        };
        try {
          const user = await prisma.$transaction(async (tx) => {
            if (losesSuperuser) await lockActiveSuperusers(tx);
            if (!(await writeIfUnchanged(tx, existing, data))) return null;
            if (losesSuperuser && (await tx.user.count({ where: { role: 'SUPERUSER', isActive: true } })) === 0) {
              const message = 'This is the last active superuser; make someone else a superuser first.';
              throw new FieldValidationError(changes.isActive ? { isActive: message } : { role: message });
            }
            if (changesAccount) {
              await recordAudit(tx, clock, {
                actorId: actor.id,
                action: userChangeAction(changes),
                resource: 'User',
                recordId: id,
                changes,
              });
            }
            // API tokens are refused while the account is inactive anyway; revoked, they stay dead after a
            // reactivation. So do its unused invitation and password-reset links.
            if (deactivated) {
              await revokeSignInsOf(tx, id, clock());
              await spendLinksOf(tx, id, clock());
            }
            // A new password ends the sessions signed in before it (passwordChangedAt, set above).
            if (newHash !== undefined) {
              await recordAudit(tx, clock, {
                actorId: actor.id,
                action: 'password_reset',
                resource: 'User',
                recordId: id,
              });
            }
            return tx.user.findUniqueOrThrow({ where: { id } });
          });
          return user && toPublicUser(user);
        } catch (error) {
          if (!changes.email || uniqueViolationFields(error) === null) throw error;
          throw await emailTakenError(String(changes.email[1]));
        }
      });
    },

    /** An administrator sets a password (CLI changepassword): audited as a reset. */
    async setPassword(
      id: number,
      newPassword: string,
      actorId: number | null = null,
      condition: WriteCondition = {},
    ): Promise<void> {
      let passwordHash: string | undefined;
      await changeAtVersion(versioned(id), condition, async (user) => {
        const errors = passwordErrors(newPassword, user.email);
        if (errors.password) throw new FieldValidationError(errors);
        passwordHash ??= await hashPassword(newPassword);
        const hash = passwordHash;
        return prisma.$transaction(async (tx) => {
          if (!(await writeIfUnchanged(tx, user, { passwordHash: hash, passwordChangedAt: clock() }))) return null;
          await recordAudit(tx, clock, { actorId, action: 'password_reset', resource: 'User', recordId: id });
          return true;
        });
      });
    },

    /** Self-service: the current password is required; other sessions end. */
    async changeOwnPassword(
      userId: number,
      currentPassword: string,
      newPassword: string,
      confirmation: string,
    ): Promise<void> {
      const user = await findExisting(userId);
      const errors: Record<string, string> = {};
      if (!(await verifyPassword(user.passwordHash, currentPassword)))
        errors.currentPassword = 'This is not your current password.';
      Object.assign(errors, passwordErrors(newPassword, user.email));
      if (!errors.password && newPassword !== confirmation) errors.confirmation = 'The two new passwords differ.';
      if (Object.keys(errors).length > 0) throw new FieldValidationError(errors);
      const passwordHash = await hashPassword(newPassword);
      await prisma.$transaction((tx) => writePassword(tx, user, passwordHash, 'password_change', user.id));
    },

    /** Self-service: a user renames themselves. */
    async updateOwnName(userId: number, input: { name?: unknown }): Promise<PublicUser> {
      const existing = await findExisting(userId);
      const parsed = z.object({ name }).safeParse(input);
      if (!parsed.success) throw new FieldValidationError(fieldErrorsOf(parsed.error));
      const changes = changesBetween(existing, { ...existing, ...parsed.data }, ['name']);
      if (Object.keys(changes).length === 0) return toPublicUser(existing);
      const user = await prisma.$transaction(async (tx) => {
        const updated = await tx.user.update({
          where: { id: userId },
          data: { ...parsed.data, version: { increment: 1 } },
        });
        await recordAudit(tx, clock, {
          actorId: userId,
          action: 'update',
          resource: 'User',
          recordId: userId,
          changes,
        });
        return updated;
      });
      return toPublicUser(user);
    },

    /** Used by one-time links (invitation, reset): sets a hashed password within the caller's transaction. */
    writePassword,

    findByEmail(address: string): Promise<User | null> {
      return prisma.user.findUnique({ where: { email: normalizeEmail(address) } });
    },
  };
}
