/**
 * The Name column of the Customers list: "Müller, Jürgen" (spelled by the domain, see
 * display-name.ts), a link that opens the customer; a deleted customer's row also says so, with the
 * day it was deleted.
 */
import React from 'react';
import { ViewHelpers, type BasePropertyProps } from 'adminjs';
import { Link } from 'react-router-dom';
import { styled } from '@adminjs/design-system/styled-components';

const h = new ViewHelpers();

const NameLink = styled(Link)`
  color: #1f4fd8;
  font-weight: 500;
  text-decoration: none;
  &:hover {
    text-decoration: underline;
  }
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

/** Dark red on light red: 7:1, readable beside the grey of the other cells. */
const DeletedBadge = styled.span`
  margin-left: 8px;
  padding: 1px 6px;
  border-radius: 4px;
  background: #fde8e8;
  color: #8a1c1c;
  font-size: 12px;
  font-weight: 500;
`;

const CustomerNameCell: React.FC<BasePropertyProps> = ({ record, resource }) => {
  if (!record) return null;
  const deletedAt = record.params.deletedAt as string | undefined;
  return (
    <span>
      <NameLink
        to={h.recordActionUrl({ resourceId: resource.id, recordId: record.id, actionName: 'show' })}
        // The row opens the customer too; the link is what a keyboard and a screen reader reach.
        onClick={(event) => event.stopPropagation()}
      >
        {String(record.params.listName ?? record.title)}
      </NameLink>
      {deletedAt ? (
        <DeletedBadge data-testid="deleted-badge">Deleted {String(deletedAt).slice(0, 10)}</DeletedBadge>
      ) : null}
    </span>
  );
};

export default CustomerNameCell;
