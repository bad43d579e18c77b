/** Recent actions on the Home, like Django's admin index: each names its record and links to it. */
import React from 'react';
import { Link } from 'react-router-dom';
import { styled } from '@adminjs/design-system/styled-components';
import type { HomeAction } from '../home/home-body.js';
import { AuditEntryLines } from './audit-lines.tsx';

const Actions = styled.ol`
  list-style: none;
  margin: 0;
  padding: 0;
`;

const Action = styled.li`
  padding: 8px 0;
  border-bottom: 1px solid #e6e8ec;
  &:last-child {
    border-bottom: none;
  }
`;

const RecordLink = styled(Link)`
  color: #1f4fd8;
  font-weight: 500;
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

const Kind = styled.span`
  color: #454655;
  font-size: 13px;
`;

const Lines = styled.ul`
  list-style: none;
  margin: 2px 0 0 0;
  padding: 0;
  font-size: 14px;
`;

interface Props {
  actions: HomeAction[];
  showActor: boolean;
  emptyText: string;
  label: string;
}

export const RecentActions: React.FC<Props> = ({ actions, showActor, emptyText, label }) => {
  if (actions.length === 0) return <p>{emptyText}</p>;
  return (
    <Actions aria-label={label}>
      {actions.map((action) => (
        <Action key={action.id}>
          <RecordLink to={action.href}>{action.record}</RecordLink>
          <Kind> · {action.kind}</Kind>
          <Lines>
            <AuditEntryLines entry={action} showActor={showActor} withDate withDetails={false} />
          </Lines>
        </Action>
      ))}
    </Actions>
  );
};
