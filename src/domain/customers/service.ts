/**
 * Customer use cases: create, update, soft delete, restore, and the reads of the API. The admin
 * panel, the API and the CLI call these; none of them writes customer rows on its own.
 */
import type { Customer, Prisma, PrismaClient } from '@prisma/client';
import { insertCustomers } from '../../db/bulk-inserts.js';
import { providerOf } from '../../db/provider.js';
import type { Transaction } from '../../db/transaction.js';
import { updateSearchTexts } from '../../db/search-text-updates.js';
import { uniqueViolationFields } from '../../db/unique-violation.js';
import { assertCan, type Actor } from '../accounts/permissions.js';
import { changesBetween, recordAudit, recordAudits, type AuditAction, type AuditEntry } from '../audit/audit-log.js';
import { lastChangeOf } from '../audit/last-change.js';
import { EditConflictError, FieldValidationError, NotFoundError } from '../errors.js';
import { changeAtVersion, type WriteCondition } from '../record-version.js';
import type { Clock } from '../clock.js';
import { pageWindow, type Page, type PageRequest } from '../paging.js';
import { parseCalendarDate } from './age.js';
import type { PhoneRegion } from './phone.js';
import { createCustomerListing, type ListWindow } from './listing.js';
import type { CustomerListCriteria } from './query.js';
import { customerSearchText } from './search-text.js';
import { uniquenessErrors } from './uniqueness.js';
import {
  CUSTOMER_FIELDS,
  validateCustomerChanges,
  validateNewCustomer,
  type CustomerData,
  type CustomerField,
} from './validation.js';

export interface CustomerServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  defaultPhoneRegion: PhoneRegion;
}

export type CustomerService = ReturnType<typeof createCustomerService>;

/** What an import writes in one transaction: new customers, and changes to ones matched by email. */
export interface ImportedBatch {
  creates: CustomerData[];
  updates: Array<{ existing: Customer; changes: Partial<CustomerData> }>;
}

const SEARCH_TEXT_FILL_BATCH = 5_000;

export function createCustomerService({ prisma, clock, defaultPhoneRegion }: CustomerServiceDeps) {
  const ruleContext = () => ({ today: clock(), defaultPhoneRegion });
  const listing = createCustomerListing(prisma, clock);
  const provider = providerOf(prisma);

  async function assertUnique(data: Partial<CustomerData>, excludeId?: number): Promise<void> {
    const errors = await uniquenessErrors(prisma, data, excludeId);
    if (Object.keys(errors).length > 0) throw new FieldValidationError(errors);
  }

  /** Runs a write; a unique violation lost to a concurrent write reads like the pre-check. */
  async function writeUnique<T>(
    data: Partial<CustomerData>,
    excludeId: number | undefined,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const fields = uniqueViolationFields(error);
      if (fields === null) throw error;
      const errors = await uniquenessErrors(prisma, data, excludeId);
      throw new FieldValidationError(
        Object.keys(errors).length > 0
          ? errors
          : { [fields[0] ?? 'email']: 'This value is already taken by another customer.' },
      );
    }
  }

  /** Who changed the record and when, by the service's clock (not the database's). */
  function stamp(actor: Actor, created?: 'created') {
    const now = clock();
    return created
      ? { createdAt: now, createdById: actor.id, updatedAt: now, updatedById: actor.id }
      : { updatedAt: now, updatedById: actor.id };
  }

  /** Writes the change and its audit entry in one transaction; a write that returns null (lost its race) has none. */
  async function audited<W extends Customer | null>(
    actor: Actor,
    action: AuditAction,
    before: Customer | null,
    write: (tx: Transaction) => Promise<W>,
  ): Promise<W> {
    const customer = await prisma.$transaction(async (tx) => {
      const written = await write(tx);
      if (written === null) return written;
      await auditChange(tx, actor, action, before, written);
      return written;
    });
    if (action !== 'update' && customer !== null) listing.forgetTotals();
    return customer;
  }

  /**
   * Changes the customer if it is still at the version read, and raises the version, in one
   * statement (UPDATE … WHERE id = ? AND version = ?): null when someone else wrote in between.
   */
  async function writeIfUnchanged(
    tx: Transaction,
    read: Customer,
    data: Prisma.CustomerUncheckedUpdateManyInput,
  ): Promise<Customer | null> {
    const { count } = await tx.customer.updateMany({
      where: { id: read.id, version: read.version },
      data: { ...data, version: { increment: 1 } },
    });
    return count === 0 ? null : tx.customer.findUniqueOrThrow({ where: { id: read.id } });
  }

  async function conflict(current: Customer, expectedVersion: number): Promise<EditConflictError> {
    return new EditConflictError(
      'Customer',
      current,
      expectedVersion,
      await lastChangeOf(prisma, 'Customer', current.id),
    );
  }

  /** The customer `id` as changeAtVersion reads it. */
  const versioned = (id: number) => ({ read: () => findExisting(id), conflict });

  function auditChange(
    tx: Transaction,
    actor: Actor,
    action: AuditAction,
    before: Customer | null,
    written: Customer,
  ): Promise<void> {
    const fields = action === 'create' || action === 'update' ? CUSTOMER_FIELDS : (['deletedAt'] as const);
    return recordAudit(tx, clock, {
      actorId: actor.id,
      action,
      resource: 'Customer',
      recordId: written.id,
      changes: changesBetween(before, written, fields),
    });
  }

  async function findExisting(id: number): Promise<Customer> {
    const customer = Number.isSafeInteger(id) ? await prisma.customer.findUnique({ where: { id } }) : null;
    if (!customer) throw new NotFoundError('Customer', id);
    return customer;
  }

  return {
    async list(criteria: CustomerListCriteria, request: PageRequest, actor: Actor): Promise<Page<Customer>> {
      assertCan(actor, 'Customer', 'list');
      return listing.rowsAndTotal(criteria, {
        ...pageWindow(request),
        sortBy: request.sortBy,
        direction: request.direction,
      });
    },

    /** A window of a list given as offset and size (the admin panel's paging), and the list's total. */
    async listWindow(criteria: CustomerListCriteria, window: ListWindow, actor: Actor): Promise<Page<Customer>> {
      assertCan(actor, 'Customer', 'list');
      return listing.rowsAndTotal(criteria, window);
    },

    async listTotal(criteria: CustomerListCriteria, actor: Actor): Promise<number> {
      assertCan(actor, 'Customer', 'list');
      return listing.total(criteria);
    },

    /** A customer by id, soft-deleted ones included. */
    async find(id: number, actor: Actor): Promise<Customer> {
      assertCan(actor, 'Customer', 'show');
      return findExisting(id);
    },

    async create(input: Record<string, unknown>, actor: Actor): Promise<Customer> {
      assertCan(actor, 'Customer', 'create');
      const data = validateNewCustomer(input, ruleContext());
      await assertUnique(data);
      return writeUnique(data, undefined, () =>
        audited(actor, 'create', null, (tx) =>
          tx.customer.create({ data: { ...data, searchText: customerSearchText(data), ...stamp(actor, 'created') } }),
        ),
      );
    },

    async update(
      id: number,
      input: Record<string, unknown>,
      actor: Actor,
      condition: WriteCondition = {},
    ): Promise<Customer> {
      assertCan(actor, 'Customer', 'edit');
      return changeAtVersion(versioned(id), condition, async (existing) => {
        // A deleted customer is kept as it was deleted: it is brought back first, then changed.
        if (existing.deletedAt)
          throw new FieldValidationError({ deletedAt: `Customer #${id} is deleted: restore it before changing it.` });
        const changes = validateCustomerChanges(withoutUnchangedBirthDate(input, existing), ruleContext());
        await assertUnique(changes, id);
        if (Object.keys(changesBetween(existing, { ...existing, ...changes }, CUSTOMER_FIELDS)).length === 0)
          return existing;
        const searchText = customerSearchText({ ...existing, ...changes });
        const data = { ...changes, ...(searchText === existing.searchText ? {} : { searchText }), ...stamp(actor) };
        return writeUnique(changes, id, () =>
          audited(actor, 'update', existing, (tx) => writeIfUnchanged(tx, existing, data)),
        );
      });
    },

    /**
     * A batch of an import, already checked and decided (domain/imports/import-decisions.ts), written
     * in the import's transaction: each customer with its normal audit entry, marked with the import.
     */
    async writeImported(tx: Transaction, batch: ImportedBatch, importId: number, actor: Actor): Promise<void> {
      assertCan(actor, 'Customer', 'import');
      const now = clock();
      const rows = batch.creates.map((data) => ({
        ...data,
        searchText: customerSearchText(data),
        createdAt: now,
        createdById: actor.id,
        updatedAt: now,
        updatedById: actor.id,
      }));
      const ids = await insertCustomers(tx, provider, rows);
      const entries = rows.map((row) =>
        importedEntry(actor, 'create', null, { ...row, id: ids.get(row.email)! }, importId),
      );
      for (const { existing, changes } of batch.updates) {
        const searchText = customerSearchText({ ...existing, ...changes });
        // At the version the batch read, raising it like every write: a form opened before the import
        // is then stale, and a change made since the read fails the batch (applied again, it re-reads).
        const written = await tx.customer.update({
          where: { id: existing.id, version: existing.version },
          data: {
            ...changes,
            ...(searchText === existing.searchText ? {} : { searchText }),
            ...stamp(actor),
            version: { increment: 1 },
          },
        });
        entries.push(importedEntry(actor, 'update', existing, written, importId));
      }
      await recordAudits(tx, provider, clock, entries);
      if (batch.creates.length > 0) listing.forgetTotals();
    },

    /** Soft delete: hidden from the default list; email and phone stay reserved. */
    async softDelete(id: number, actor: Actor, condition: WriteCondition = {}): Promise<Customer> {
      assertCan(actor, 'Customer', 'delete');
      return changeAtVersion(versioned(id), condition, async (existing) => {
        if (existing.deletedAt) return existing;
        return audited(actor, 'delete', existing, (tx) =>
          writeIfUnchanged(tx, existing, { deletedAt: clock(), ...stamp(actor) }),
        );
      });
    },

    async restore(id: number, actor: Actor, condition: WriteCondition = {}): Promise<Customer> {
      assertCan(actor, 'Customer', 'restore');
      return changeAtVersion(versioned(id), condition, async (existing) => {
        if (!existing.deletedAt) return existing;
        return audited(actor, 'restore', existing, (tx) =>
          writeIfUnchanged(tx, existing, { deletedAt: null, ...stamp(actor) }),
        );
      });
    },

    /**
     * Fills searchText where it is empty: customers from before the column existed, or written
     * around this service. Returns how many it filled. Not a change anyone made: no audit entry,
     * updatedAt kept.
     */
    async fillMissingSearchText(): Promise<number> {
      let filled = 0;
      for (;;) {
        const missing = await prisma.customer.findMany({
          where: { searchText: '' },
          select: { id: true, firstName: true, lastName: true, email: true, phone: true },
          take: SEARCH_TEXT_FILL_BATCH,
        });
        if (missing.length === 0) return filled;
        await updateSearchTexts(
          prisma,
          missing.map(({ id, ...searchable }) => ({ id, searchText: customerSearchText(searchable) })),
        );
        filled += missing.length;
      }
    },
  };
}

/** The normal audit entry of a created or updated customer, marked with the import it came from. */
function importedEntry(
  actor: Actor,
  action: 'create' | 'update',
  before: Customer | null,
  written: Pick<Customer, 'id' | CustomerField>,
  importId: number,
): AuditEntry {
  return {
    actorId: actor.id,
    action,
    resource: 'Customer',
    recordId: written.id,
    changes: changesBetween(before, written, CUSTOMER_FIELDS),
    importId,
  };
}

/**
 * Edit forms send every field back. An unchanged date of birth is not re-checked, so a customer
 * who has turned 101 since being entered can still be edited.
 */
function withoutUnchangedBirthDate(input: Record<string, unknown>, existing: Customer): Record<string, unknown> {
  const given = parseCalendarDate(input.dateOfBirth);
  if (given && given.getTime() === existing.dateOfBirth.getTime()) {
    const { dateOfBirth: _unchanged, ...rest } = input;
    return rest;
  }
  return input;
}
