/**
 * A record's History, on its page (a section of the customer's page) and as the page of its
 * `history` record action: its audit entries as sentences, grouped by day, newest first, a page at a
 * time. Shown only where the record offers the `history` action (the permission matrix).
 */
import React, { useCallback, useEffect, useState } from 'react';
import { ApiClient, type ActionJSON, type RecordJSON, type ResourceJSON } from 'adminjs';
import { styled } from '@adminjs/design-system/styled-components';
import type { HistoryBody } from '../resources/record-actions.js';
import { AuditEntriesByDay, type AuditLineEntry } from './audit-lines.tsx';

const Section = styled.section`
  margin: 8px 0 24px 0;
  color: #0c1e29;
  h2 {
    font-size: 18px;
    font-weight: 500;
    margin: 0 0 4px 0;
  }
`;

const MoreButton = styled.button`
  margin-top: 12px;
  height: 32px;
  padding: 0 14px;
  border: 1px solid #1f4fd8;
  border-radius: 4px;
  background: #ffffff;
  color: #1f4fd8;
  font: inherit;
  cursor: pointer;
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

/** A page of the record's History from its `history` action; older than entry `before` if given. */
async function historyPage(resourceId: string, recordId: string, before?: number): Promise<HistoryBody> {
  const response = await new ApiClient().recordAction({
    resourceId,
    recordId,
    actionName: 'history',
    params: before === undefined ? {} : { before },
  });
  return (response.data as unknown as { history: HistoryBody }).history;
}

interface Props {
  record?: RecordJSON;
  resource: ResourceJSON;
  action?: ActionJSON;
}

const RecordHistory: React.FC<Props> = ({ record, resource, action }) => {
  const mayRead = action?.name === 'history' || Boolean(record?.recordActions.some(({ name }) => name === 'history'));
  const recordId = record?.id;
  const [entries, setEntries] = useState<AuditLineEntry[]>([]);
  const [state, setState] = useState<'loading' | 'more' | 'done' | 'failed'>('loading');

  const show = useCallback((page: HistoryBody, older: boolean) => {
    setEntries((shown) => (older ? [...shown, ...page.entries] : page.entries));
    setState(page.hasMore ? 'more' : 'done');
  }, []);

  useEffect(() => {
    if (!mayRead || recordId === undefined) return undefined;
    let current = true;
    historyPage(resource.id, recordId)
      .then((page) => current && show(page, false))
      .catch(() => current && setState('failed'));
    return () => {
      current = false;
    };
  }, [mayRead, recordId, resource.id, show]);

  const showOlder = (before: number) => {
    if (recordId === undefined) return;
    setState('loading');
    historyPage(resource.id, recordId, before)
      .then((page) => show(page, true))
      .catch(() => setState('failed'));
  };

  if (!mayRead || recordId === undefined) return null;
  const last = entries[entries.length - 1];
  return (
    <Section aria-labelledby="record-history" data-testid="record-history">
      <h2 id="record-history">History</h2>
      {entries.length === 0 && state === 'done' ? <p>No changes have been recorded.</p> : null}
      <AuditEntriesByDay entries={entries} />
      {state === 'loading' ? <p aria-live="polite">Loading…</p> : null}
      {state === 'failed' ? <p role="alert">The history could not be loaded. Reload the page to try again.</p> : null}
      {state === 'more' && last ? (
        <MoreButton type="button" onClick={() => showOlder(last.id)}>
          Show older changes
        </MoreButton>
      ) : null}
    </Section>
  );
};

export default RecordHistory;
