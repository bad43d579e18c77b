import { describe, expect, it } from 'vitest';
import {
  createListTotals,
  LARGE_LIST_MIN,
  TOTAL_REUSE_MS,
  unfilteredStatus,
} from '../../src/domain/customers/list-total.js';
import type { CustomerListCriteria } from '../../src/domain/customers/query.js';

function setup(rows: number) {
  let now = Date.parse('2026-11-23T12:00:00Z');
  const state = { rows, counts: 0 };
  const totals = createListTotals(() => new Date(now));
  const countExactly = async () => {
    state.counts += 1;
    return state.rows;
  };
  const total = (criteria: CustomerListCriteria = {}) => totals.total(criteria, countExactly);
  return { state, totals, total, advance: (ms: number) => (now += ms) };
}

describe('unfilteredStatus', () => {
  it.each<[CustomerListCriteria, string | null]>([
    [{}, 'active'],
    [{ status: 'all' }, 'all'],
    [{ search: '   ' }, 'active'],
    [{ status: 'deleted' }, null],
    [{ search: 'ada' }, null],
    [{ createdFrom: new Date('2026-01-01') }, null],
    [{ status: 'all', createdTo: new Date('2026-01-01') }, null],
  ])('%j → %j', (criteria, status) => {
    expect(unfilteredStatus(criteria)).toBe(status);
  });
});

describe('list totals', () => {
  it('counts a small unfiltered list every time, so that it is always exact', async () => {
    const { state, total } = setup(LARGE_LIST_MIN - 1);
    expect(await total()).toBe(LARGE_LIST_MIN - 1);
    state.rows += 1;
    expect(await total()).toBe(LARGE_LIST_MIN);
    expect(state.counts).toBe(2);
  });

  it('reuses the count of a large unfiltered list for a while, then counts again', async () => {
    const { state, total, advance } = setup(1_000_000);
    expect(await total()).toBe(1_000_000);
    state.rows += 3;
    advance(TOTAL_REUSE_MS - 1);
    expect(await total()).toBe(1_000_000);
    expect(state.counts).toBe(1);
    advance(1);
    expect(await total()).toBe(1_000_003);
    expect(state.counts).toBe(2);
  });

  it('keeps one count per status (Active and All)', async () => {
    const { state, total } = setup(50_000);
    await total({ status: 'active' });
    await total({ status: 'all' });
    await total({ status: 'active' });
    await total({ status: 'all' });
    expect(state.counts).toBe(2);
  });

  it('counts a filtered list every time, however large', async () => {
    const { state, total } = setup(500_000);
    for (const criteria of [
      { search: 'son' },
      { status: 'deleted' as const },
      { createdFrom: new Date('2026-01-01') },
    ]) {
      await total(criteria);
      await total(criteria);
    }
    expect(state.counts).toBe(6);
  });

  it('counts again after this process created, deleted or restored a customer', async () => {
    const { state, totals, total } = setup(20_000);
    await total();
    state.rows += 1;
    totals.forget();
    expect(await total()).toBe(20_001);
    expect(state.counts).toBe(2);
  });

  it('shares one count between concurrent requests, and keeps none that started before a change', async () => {
    const { state, totals, total } = setup(20_000);
    const [first, second] = await Promise.all([total(), total()]);
    expect([first, second, state.counts]).toEqual([20_000, 20_000, 1]);

    totals.forget();
    const started = total();
    totals.forget();
    await started;
    await total();
    expect(state.counts).toBe(3);
  });
});
