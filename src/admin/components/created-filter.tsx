/**
 * The Created filter of the Customers list: two labelled native date fields (a date typed without
 * a time; "to" covers the whole day, see parseDateBound in domain/customers/query.ts) and the ranges
 * asked for most — Today, Past 7 days, This month — in the browser's own calendar.
 */
import React from 'react';
import { FormGroup, Label } from '@adminjs/design-system';
import { styled } from '@adminjs/design-system/styled-components';
import type { FilterPropertyProps } from 'adminjs';

const Fields = styled.div`
  display: flex;
  gap: 8px;
  flex-wrap: wrap;
  input {
    height: 36px;
    padding: 0 8px;
    border: 1px solid #6c757d;
    border-radius: 4px;
    font: inherit;
    font-size: 14px;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
  button {
    height: 28px;
    padding: 0 10px;
    border: 1px solid #1f4fd8;
    border-radius: 14px;
    background: #ffffff;
    color: #1f4fd8;
    font: inherit;
    font-size: 13px;
    cursor: pointer;
  }
`;

/** AdminJS's separator of a range filter's ends (`filters.createdAt~~from`). */
const SEPARATOR = '~~';

/** A local calendar day as YYYY-MM-DD. */
const day = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

function ranges(today: Date): Array<{ label: string; from: string; to: string }> {
  const weekAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6);
  const monthStart = new Date(today.getFullYear(), today.getMonth(), 1);
  return [
    { label: 'Today', from: day(today), to: day(today) },
    { label: 'Past 7 days', from: day(weekAgo), to: day(today) },
    { label: 'This month', from: day(monthStart), to: day(today) },
  ];
}

const CreatedFilter: React.FC<FilterPropertyProps> = ({ property, filter, onChange }) => {
  const fromKey = `${property.path}${SEPARATOR}from`;
  const toKey = `${property.path}${SEPARATOR}to`;
  const chosen = (filter ?? {}) as Record<string, unknown>;
  const value = (key: string) => (typeof chosen[key] === 'string' ? chosen[key].slice(0, 10) : '');
  return (
    <FormGroup>
      <Label as="span">{property.label}</Label>
      <Fields>
        {ranges(new Date()).map((range) => (
          <button
            key={range.label}
            type="button"
            onClick={() => {
              onChange(fromKey, range.from);
              onChange(toKey, range.to);
            }}
          >
            {range.label}
          </button>
        ))}
      </Fields>
      <Fields style={{ marginTop: 8 }}>
        <input
          type="date"
          aria-label={`${property.label} from`}
          value={value(fromKey)}
          onChange={(event) => onChange(fromKey, event.target.value)}
        />
        <input
          type="date"
          aria-label={`${property.label} to`}
          value={value(toKey)}
          onChange={(event) => onChange(toKey, event.target.value)}
        />
      </Fields>
    </FormGroup>
  );
};

export default CreatedFilter;
