/**
 * The Status filter of the Customers list: a plain select that shows what the list shows when no
 * status is chosen — "Active" — instead of AdminJS's empty "Select…".
 */
import React from 'react';
import { FormGroup, Label } from '@adminjs/design-system';
import { styled } from '@adminjs/design-system/styled-components';
import type { FilterPropertyProps } from 'adminjs';

const Select = styled.select`
  width: 100%;
  height: 36px;
  padding: 0 8px;
  border: 1px solid #6c757d;
  border-radius: 4px;
  background: #ffffff;
  font: inherit;
  font-size: 14px;
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

/** The status a list has when none is chosen (domain/customers/query.ts). */
const DEFAULT_STATUS = 'active';

const StatusFilter: React.FC<FilterPropertyProps> = ({ property, filter, onChange }) => {
  const id = `filter-${property.path}`;
  const chosen = ((filter ?? {}) as Record<string, unknown>)[property.path];
  const value = typeof chosen === 'string' ? chosen : DEFAULT_STATUS;
  return (
    <FormGroup>
      <Label htmlFor={id}>{property.label}</Label>
      <Select id={id} value={value} onChange={(event) => onChange(property.path, event.target.value)}>
        {(property.availableValues ?? []).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </FormGroup>
  );
};

export default StatusFilter;
