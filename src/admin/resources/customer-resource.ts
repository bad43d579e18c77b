/**
 * The AdminJS adapter for customers. Lists (rows, total, search) and writes go through the domain
 * service (list rules, search index, validation, uniqueness, soft delete), never straight to Prisma.
 */
import { PrismaResource } from './prisma-resource.js';
import { BaseRecord, type ActionContext, type Filter } from 'adminjs';
import type { Customer, PrismaClient } from '@prisma/client';
import type { CustomerService } from '../../domain/customers/service.js';
import { formatPhone } from '../../domain/customers/phone.js';
import { customerListName, customerName, customerTitle } from '../../domain/customers/display-name.js';
import { isCustomerStatus, parseDateBound, type CustomerListCriteria } from '../../domain/customers/query.js';
import { actorOf } from '../current-admin.js';
import { asAdminErrors } from '../domain-errors.js';
import { editConflictError, writeConditionOf } from '../edit-conflict.js';
import { clampListWindow } from './list-window.js';
import { recordIdOf, recordIdsOf } from '../../domain/record-id.js';

/** Filter names the panel offers that are not columns. */
export const SEARCH_FILTER = 'search';
export const STATUS_FILTER = 'status';
/** The list's Name column (not a field): sorting by it sorts by last name. */
export const NAME_COLUMN = 'name';

/** Record params (not columns) holding the customer's names for the screens: see display-name.ts. */
export const NAME_PARAMS = { name: 'displayName', listName: 'listName', title: 'pageTitle' } as const;

type ResourceArgs = ConstructorParameters<typeof PrismaResource>[0];
type DisplayedCustomer = Omit<Customer, 'createdById' | 'updatedById'> &
  Partial<Pick<Customer, 'createdById' | 'updatedById'>>;
type Property = ReturnType<PrismaResource['properties']>[number];

export class CustomerResource extends PrismaResource {
  constructor(
    args: ResourceArgs,
    private readonly customers: CustomerService,
  ) {
    super(args);
  }

  private get prisma(): PrismaClient {
    return this.client;
  }

  /**
   * AdminJS converts values of date properties with `new Date(value)` before they reach us, which
   * rolls 2023-02-29 over to 1 March. The date of birth is handed through as typed (the panel still
   * shows a date picker, from the resource options) and the domain reads it as a calendar date.
   */
  protected override prepareProperties(): Record<string, Property> {
    const properties = super.prepareProperties();
    const dateOfBirth = properties.dateOfBirth;
    if (dateOfBirth)
      properties.dateOfBirth = Object.assign(Object.create(dateOfBirth) as Property, { type: () => 'string' as const });
    return properties;
  }

  /** AdminJS's list asks find(), then count() with the same filter: the total find() read with its rows. */
  private readonly totalsRead = new WeakMap<Filter, number>();

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    const total = this.totalsRead.get(filter);
    if (total !== undefined) return total;
    return this.customers.listTotal(customerCriteriaOf(filter), actorOf(context?.currentAdmin));
  }

  override async find(
    filter: Filter,
    {
      limit = 10,
      offset = 0,
      sort = {},
    }: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } } = {},
    context?: ActionContext,
  ): Promise<BaseRecord[]> {
    const sortBy = sort.sortBy === NAME_COLUMN ? 'lastName' : sort.sortBy;
    const window = { ...clampListWindow(limit, offset), sortBy, direction: sort.direction };
    const { items, total } = await this.customers.listWindow(
      customerCriteriaOf(filter),
      window,
      actorOf(context?.currentAdmin),
    );
    this.totalsRead.set(filter, total);
    // Lists show no author: without one, AdminJS loads no staff accounts for the page (two queries, 5 kB a row).
    return items.map(({ createdById: _creator, updatedById: _editor, ...customer }) => this.toRecord(customer));
  }

  override async findOne(id: string | number): Promise<BaseRecord | null> {
    const customerId = recordIdOf(id);
    if (customerId === undefined) return null;
    const customer = await this.prisma.customer.findUnique({ where: { id: customerId } });
    return customer ? this.toRecord(customer) : null;
  }

  override async findMany(ids: Array<string | number>): Promise<BaseRecord[]> {
    const customerIds = recordIdsOf(ids);
    const customers = await this.prisma.customer.findMany({ where: { id: { in: customerIds } } });
    return customers.map((customer) => this.toRecord(customer));
  }

  override async create(params: Record<string, unknown>, context?: ActionContext): Promise<Record<string, unknown>> {
    const customer = await asAdminErrors(() => this.customers.create(params, actorOf(context?.currentAdmin)));
    return this.displayValues(customer);
  }

  override async update(
    id: string | number,
    params: Record<string, unknown> = {},
    context?: ActionContext,
  ): Promise<Record<string, unknown>> {
    const { version, ...yours } = params;
    const customer = await asAdminErrors(
      () => this.customers.update(Number(id), yours, actorOf(context?.currentAdmin), writeConditionOf(version)),
      // The customer service's conflicts carry a customer.
      (conflict) => editConflictError(conflict, this.displayValues(conflict.current as Customer), yours, context),
    );
    return this.displayValues(customer);
  }

  /** Delete and bulk delete are soft. */
  override async delete(id: string | number, context?: ActionContext): Promise<void> {
    await asAdminErrors(() => this.customers.softDelete(Number(id), actorOf(context?.currentAdmin)));
  }

  private toRecord(customer: DisplayedCustomer): BaseRecord {
    return new BaseRecord(this.displayValues(customer), this);
  }

  /**
   * Phone numbers are stored E.164 and shown (and edited) in international format; the date of
   * birth is a calendar date (YYYY-MM-DD), the same in every time zone. The names the screens show
   * (NAME_PARAMS) come along, spelled by the domain, so no component spells a name itself.
   */
  private displayValues({ searchText: _derived, ...customer }: DisplayedCustomer): Record<string, unknown> {
    return {
      ...this.prepareReturnValues(customer),
      phone: formatPhone(customer.phone),
      dateOfBirth: customer.dateOfBirth.toISOString().slice(0, 10),
      [NAME_PARAMS.name]: customerName(customer),
      [NAME_PARAMS.listName]: customerListName(customer),
      [NAME_PARAMS.title]: customerTitle(customer),
    };
  }
}

/** The domain's list criteria from the panel's list filter: for the list and its export alike. */
export function customerCriteriaOf(filter: Filter | undefined): CustomerListCriteria {
  const value = (name: string): unknown => filter?.filters?.[name]?.value;
  const status = value(STATUS_FILTER);
  const created = value('createdAt');
  const range = typeof created === 'object' && created !== null ? (created as { from?: unknown; to?: unknown }) : {};
  // AdminJS's own search action (reference pickers) filters by the title property, firstName.
  const search = value(SEARCH_FILTER) ?? value('firstName');
  return {
    search: typeof search === 'string' ? search : undefined,
    status: isCustomerStatus(status) ? status : 'active',
    createdFrom: parseDateBound(range.from, 'from'),
    createdTo: parseDateBound(range.to, 'to'),
  };
}
