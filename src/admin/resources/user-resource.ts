/**
 * The AdminJS adapter for staff accounts. The password hash is not a property at all (never sent
 * to the browser); `password` is a virtual form field handed to the domain service, which hashes it.
 */
import { PrismaResource } from './prisma-resource.js';
import { BaseRecord, type ActionContext, type Filter } from 'adminjs';
import type { PrismaClient, User } from '@prisma/client';
import { userCriteria, userOrderBy, userWhere } from '../../domain/accounts/user-query.js';
import type { OneTimeLinks } from '../../domain/accounts/one-time-links.js';
import { toPublicUser, type UserService } from '../../domain/accounts/users.js';
import { actorOf } from '../current-admin.js';
import { asAdminErrors } from '../domain-errors.js';
import { editConflictError, writeConditionOf } from '../edit-conflict.js';
import { clampListWindow } from './list-window.js';
import { recordIdOf, recordIdsOf } from '../../domain/record-id.js';

type ResourceArgs = ConstructorParameters<typeof PrismaResource>[0];
type Property = ReturnType<PrismaResource['properties']>[number];

export const USER_SEARCH_FILTER = 'search';

export class UserResource extends PrismaResource {
  constructor(
    args: ResourceArgs,
    private readonly users: UserService,
    private readonly links: OneTimeLinks,
  ) {
    super(args);
  }

  private get prisma(): PrismaClient {
    return this.client;
  }

  protected override prepareProperties(): Record<string, Property> {
    const { passwordHash: _neverExposed, ...properties } = super.prepareProperties();
    return properties;
  }

  override async count(filter: Filter): Promise<number> {
    return this.prisma.user.count({ where: userWhere(criteriaOf(filter)) });
  }

  override async find(
    filter: Filter,
    {
      limit = 10,
      offset = 0,
      sort = {},
    }: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } } = {},
  ): Promise<BaseRecord[]> {
    const users = await this.prisma.user.findMany({
      where: userWhere(criteriaOf(filter)),
      orderBy: userOrderBy(sort.sortBy, sort.direction),
      ...clampListWindow(limit, offset),
    });
    return this.toRecords(users);
  }

  override async findOne(id: string | number): Promise<BaseRecord | null> {
    const userId = recordIdOf(id);
    if (userId === undefined) return null;
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    return user ? ((await this.toRecords([user]))[0] ?? null) : null;
  }

  /**
   * Used to show who created or changed a customer, to every role: only the name and email,
   * never the account's role, state or history.
   */
  override async findMany(ids: Array<string | number>): Promise<BaseRecord[]> {
    const users = await this.prisma.user.findMany({
      where: { id: { in: recordIdsOf(ids) } },
      select: { id: true, name: true, email: true },
    });
    return users.map((user) => new BaseRecord(user, this));
  }

  override async create(params: Record<string, unknown>, context?: ActionContext): Promise<Record<string, unknown>> {
    const user = await asAdminErrors(() => this.users.create(params, actorOf(context?.currentAdmin)));
    return this.prepareReturnValues(user);
  }

  override async update(
    id: string | number,
    params: Record<string, unknown> = {},
    context?: ActionContext,
  ): Promise<Record<string, unknown>> {
    const { version, ...yours } = params;
    const user = await asAdminErrors(
      () => this.users.update(Number(id), yours, actorOf(context?.currentAdmin), writeConditionOf(version)),
      (conflict) => editConflictError(conflict, this.prepareReturnValues(conflict.current), yours, context),
    );
    return this.prepareReturnValues(user);
  }

  override async delete(): Promise<void> {
    throw new Error('Staff accounts are deactivated, not deleted');
  }

  /** Records with the derived invitation status (`invitation`), one query for the whole page. */
  private async toRecords(users: User[]): Promise<BaseRecord[]> {
    const statuses = await this.links.invitationStatuses(users);
    return users.map(
      (user) =>
        new BaseRecord({ ...this.prepareReturnValues(toPublicUser(user)), invitation: statuses.get(user.id) }, this),
    );
  }
}

function criteriaOf(filter: Filter | undefined) {
  const value = (name: string): unknown => filter?.filters?.[name]?.value;
  // AdminJS's own search action (reference pickers) filters by the title property, email.
  return userCriteria({
    search: value(USER_SEARCH_FILTER) ?? value('email'),
    role: value('role'),
    isActive: value('isActive'),
  });
}
