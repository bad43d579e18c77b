/**
 * The audit log's "Who" filter: a list of staff names from the log's own staffNames action.
 * AdminJS's reference filter asks the User resource's search, which only superusers may use, so a
 * manager got a 403 and an empty picker. A native select: labelled, and keyboard-operable as it is.
 */
import { ApiClient, useTranslation, type BasePropertyProps } from 'adminjs';
import { styled } from '@adminjs/design-system/styled-components';
import React, { useEffect, useState } from 'react';

interface StaffName {
  id: number;
  name: string;
  email: string;
}

const api = new ApiClient();

const Label = styled.label`
  display: block;
  margin-bottom: 8px;
  font-size: 12px;
  line-height: 16px;
  color: #454655;
`;

const Select = styled.select`
  box-sizing: border-box;
  width: 100%;
  margin-bottom: 24px;
  padding: 8px 12px;
  border: 1px solid #8a8a9b;
  border-radius: 2px;
  background: #fff;
  font: inherit;
  font-size: 14px;
  color: #1c1c38;
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 1px;
  }
`;

const AuditActorFilter: React.FC<BasePropertyProps> = ({ property, filter, onChange, resource }) => {
  const { translateProperty } = useTranslation();
  const [staff, setStaff] = useState<StaffName[]>([]);
  useEffect(() => {
    let current = true;
    api
      .resourceAction({ resourceId: resource.id, actionName: 'staffNames' })
      .then((response) => {
        const names = (response.data as { staffNames?: StaffName[] }).staffNames;
        if (current) setStaff(names ?? []);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [resource.id]);

  const id = `filter-${property.path}`;
  const chosen: unknown = (filter as Record<string, unknown> | undefined)?.[property.path];
  const value = typeof chosen === 'string' || typeof chosen === 'number' ? String(chosen) : '';
  return (
    <div data-testid="audit-actor-filter">
      <Label htmlFor={id}>{translateProperty(property.label, resource.id)}</Label>
      <Select id={id} value={value} onChange={(event) => onChange?.(property.path, event.target.value)}>
        <option value="">Anyone</option>
        {staff.map((person) => (
          <option key={person.id} value={String(person.id)}>
            {person.name} ({person.email})
          </option>
        ))}
      </Select>
    </div>
  );
};

export default AuditActorFilter;
