/**
 * Staff accounts: create, update (name, role, active flag), change password. The rules that keep
 * the panel administrable live here: nobody demotes or deactivates themselves, and the last
 * active superuser stays.
 */
import type { PrismaClient, User } from '@prisma/client';
import { z } from 'zod';
import { uniqueViolationFields } from '../../db/unique-violation.js';
import { FieldValidationError, NotFoundError, type Clock } from '../errors.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { assertCan, ROLES, type Actor } from './permissions.js';

export type PublicUser = Omit<User, 'passwordHash'>;

export interface UserServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
}

const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

const name = z.preprocess(
  blankToUndefined,
  z
    .string({ required_error: 'Name is required.', invalid_type_error: 'Name must be text.' })
    .transform((value) => value.trim().replace(/\s+/g, ' '))
    .pipe(z.string().max(100, 'Name must be at most 100 characters.')),
);
const email = z.preprocess(
  blankToUndefined,
  z
    .string({ required_error: 'Email is required.', invalid_type_error: 'Email must be text.' })
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.string().max(254, 'Email must be at most 254 characters.').email('Enter a valid email address, like name@example.com.')),
);
const role = z.enum(ROLES, { errorMap: () => ({ message: `Choose one of: ${ROLES.join(', ')}.` }) });
const isActive = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean({ invalid_type_error: 'Choose active or inactive.' }),
);
const password = z.preprocess(blankToUndefined, z.string({ required_error: 'Password is required.', invalid_type_error: 'Password must be text.' }));

const newUserSchema = z.object({ email, name, role: role.default('STAFF'), isActive: isActive.default(true), password });
// In an edit form an empty password means "keep the current one".
const optionalNewPassword = z.preprocess(blankToUndefined, z.string({ invalid_type_error: 'Password must be text.' }).optional());
const userChangesSchema = z.object({ email, name, role, isActive }).partial().extend({ password: optionalNewPassword });

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}

export function toPublicUser({ passwordHash: _hidden, ...user }: User): PublicUser {
  return user;
}

export type UserService = ReturnType<typeof createUserService>;

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

  return {
    /** Creates an account. With `actor` null it is the bootstrap or CLI path (no role check). */
    async create(input: Record<string, unknown>, actor: Actor | null): Promise<PublicUser> {
      if (actor) assertCan(actor, 'User', 'create');
      const parsed = newUserSchema.safeParse(input);
      const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
      const chosenPassword = typeof input.password === 'string' ? input.password : '';
      const problem = errors.password || !chosenPassword ? null : passwordProblem(chosenPassword, String(input.email ?? ''));
      if (problem) errors.password = problem;
      if (!parsed.success || Object.keys(errors).length > 0) throw new FieldValidationError(errors);
      const { password: plain, ...data } = parsed.data;
      if (await prisma.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
        throw await emailTakenError(data.email);
      }
      try {
        const user = await prisma.user.create({
          data: { ...data, passwordHash: await hashPassword(plain), passwordChangedAt: clock() },
        });
        return toPublicUser(user);
      } catch (error) {
        if (uniqueViolationFields(error) === null) throw error;
        throw await emailTakenError(data.email);
      }
    },

    async update(id: number, input: Record<string, unknown>, actor: Actor): Promise<PublicUser> {
      assertCan(actor, 'User', 'edit');
      const existing = await findExisting(id);
      const parsed = userChangesSchema.safeParse(input);
      const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
      const newPassword = parsed.success ? parsed.data.password : undefined;
      const problem = newPassword === undefined ? null : passwordProblem(newPassword, existing.email);
      if (problem) errors.password = problem;
      if (!parsed.success || Object.keys(errors).length > 0) throw new FieldValidationError(errors);
      const { password: _plain, ...changes } = parsed.data;
      if (changes.email !== undefined && changes.email !== existing.email && (await prisma.user.findUnique({ where: { email: changes.email } }))) {
        throw await emailTakenError(changes.email);
      }
      const losesSuperuser =
        existing.role === 'SUPERUSER' &&
        existing.isActive &&
        ((changes.role !== undefined && changes.role !== 'SUPERUSER') || changes.isActive === false);
      if (losesSuperuser && existing.id === actor.id) {
        throw new FieldValidationError(
          changes.isActive === false
            ? { isActive: 'You cannot deactivate your own account.' }
            : { role: 'You cannot remove your own superuser role.' },
        );
      }
      // A new password also ends the user's existing sessions (they were signed in before it).
      const passwordFields = newPassword === undefined ? {} : { passwordHash: await hashPassword(newPassword), passwordChangedAt: clock() };
      try {
        const user = await prisma.$transaction(async (tx) => {
          const updated = await tx.user.update({ where: { id }, data: { ...changes, ...passwordFields } });
          if (losesSuperuser && (await tx.user.count({ where: { role: 'SUPERUSER', isActive: true } })) === 0) {
            throw new FieldValidationError(
              changes.isActive === false
                ? { isActive: 'This is the last active superuser; make someone else a superuser first.' }
                : { role: 'This is the last active superuser; make someone else a superuser first.' },
            );
          }
          return updated;
        });
        return toPublicUser(user);
      } catch (error) {
        if (changes.email === undefined || uniqueViolationFields(error) === null) throw error;
        throw await emailTakenError(changes.email);
      }
    },

    /** Sets a new password (CLI changepassword, profile). Ends sessions stamped before the change. */
    async setPassword(id: number, newPassword: string): Promise<void> {
      const user = await findExisting(id);
      const problem = passwordProblem(newPassword, user.email);
      if (problem) throw new FieldValidationError({ password: problem });
      await prisma.user.update({
        where: { id },
        data: { passwordHash: await hashPassword(newPassword), passwordChangedAt: clock() },
      });
    },

    findByEmail(address: string): Promise<User | null> {
      return prisma.user.findUnique({ where: { email: address.trim().toLowerCase() } });
    },
  };
}
