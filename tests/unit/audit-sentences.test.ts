import { describe, expect, it } from 'vitest';
import { auditSentences, displayValue } from '../../src/domain/audit/audit-sentences.js';

describe('auditSentences', () => {
  it('writes a change as one sentence per field, with labels and old → new', () => {
    expect(
      auditSentences({
        action: 'update',
        changes: { email: ['ada@old.example', 'ada@new.example'], phone: ['+12015550101', '+12015550102'] },
      }),
    ).toEqual({
      summary: 'Changed',
      sentences: ['Email: ada@old.example → ada@new.example', 'Phone: +1 201 555 0101 → +1 201 555 0102'],
      details: [],
    });
  });

  it('writes an emptied or newly filled field as (empty)', () => {
    expect(auditSentences({ action: 'update', changes: { notes: [null, 'Prefers mail'] } }).sentences).toEqual([
      'Notes: (empty) → Prefers mail',
    ]);
    expect(auditSentences({ action: 'update', changes: { notes: ['Prefers mail', null] } }).sentences).toEqual([
      'Notes: Prefers mail → (empty)',
    ]);
  });

  it('writes a new record as "Added" with its values as details', () => {
    expect(
      auditSentences({
        action: 'create',
        changes: { firstName: [null, 'Ada'], dateOfBirth: [null, '1990-05-17T00:00:00.000Z'] },
      }),
    ).toEqual({ summary: 'Added', sentences: ['Added'], details: ['First name: Ada', 'Date of birth: 1990-05-17'] });
  });

  it('writes an export as "Exported customers" with the list it exported as details', () => {
    expect(
      auditSentences({
        action: 'export',
        changes: { format: [null, 'csv'], rows: [null, 1250], status: [null, 'all'], sort: [null, 'lastName asc'] },
      }),
    ).toEqual({
      summary: 'Exported customers',
      sentences: ['Exported customers'],
      details: ['Format: csv', 'Rows: 1250', 'Status: all', 'Sort: lastName asc'],
    });
  });

  it('says a soft delete and a restore without their timestamps', () => {
    expect(auditSentences({ action: 'delete', changes: { deletedAt: [null, '2026-12-07T10:55:00.000Z'] } })).toEqual({
      summary: 'Deleted',
      sentences: ['Deleted'],
      details: [],
    });
    expect(
      auditSentences({ action: 'restore', changes: { deletedAt: ['2026-12-07T10:55:00.000Z', null] } }).sentences,
    ).toEqual(['Restored']);
  });

  it('says a deactivation, then the other fields changed with it', () => {
    expect(
      auditSentences({ action: 'deactivate', changes: { isActive: [true, false], name: ['Bob', 'Bob Stone'] } })
        .sentences,
    ).toEqual(['Deactivated', 'Name: Bob → Bob Stone']);
  });

  it('names roles in words', () => {
    expect(auditSentences({ action: 'role_change', changes: { role: ['STAFF', 'MANAGER'] } }).sentences).toEqual([
      'Role: Staff → Manager',
    ]);
  });

  it('says what a failed sign-in tried', () => {
    expect(auditSentences({ action: 'login_failed', changes: { email: [null, 'who@example.com'] } })).toEqual({
      summary: 'Sign-in failed',
      sentences: ['Sign-in failed'],
      details: ['Email tried: who@example.com'],
    });
  });

  it('writes an entry without changes as its summary', () => {
    expect(auditSentences({ action: 'login', changes: null }).sentences).toEqual(['Signed in']);
    expect(auditSentences({ action: 'password_reset', changes: null }).sentences).toEqual(['Set a new password']);
  });

  it('labels a field it has no label for from its name, and skips a malformed change', () => {
    expect(auditSentences({ action: 'update', changes: { loyaltyTier: ['gold', 'silver'] } }).sentences).toEqual([
      'Loyalty tier: gold → silver',
    ]);
    expect(auditSentences({ action: 'update', changes: { email: 'not a pair' } }).sentences).toEqual(['Changed']);
    expect(auditSentences({ action: 'update', changes: ['odd'] }).sentences).toEqual(['Changed']);
  });
});

describe('displayValue', () => {
  it('shortens long text to one line', () => {
    const shown = displayValue('notes', `${'word '.repeat(60)}\nend`);
    expect(shown.length).toBeLessThanOrEqual(120);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown).not.toContain('\n');
  });

  it('writes yes and no for flags', () => {
    expect(displayValue('isActive', true)).toBe('yes');
    expect(displayValue('isActive', false)).toBe('no');
  });
});
