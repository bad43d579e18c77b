/**
 * A checkbox of the staff form that starts ticked on a new account (Active, Send invitation email),
 * as the domain defaults do: AdminJS's own checkbox shows an untouched field unticked. A choice that
 * does not apply (`property.custom.notApplicable`: another field's state → why) is shown unticked and
 * disabled, with the reason; `property.custom.newOnly` hides it when editing.
 */
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { styled } from '@adminjs/design-system/styled-components';
import React from 'react';

interface CheckboxOptions {
  /** Applies when another field is filled in (`filled`) or has the value false (`unticked`). */
  notApplicable?: Array<{ field: string; when: 'filled' | 'unticked'; reason: string }>;
  newOnly?: boolean;
}

const Group = styled.div`
  margin-bottom: 24px;
`;
const Option = styled.label`
  display: flex;
  gap: 10px;
  align-items: center;
  font-size: 14px;
  color: #1c1c38;
  cursor: pointer;
  input:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;
const Note = styled.p`
  margin: 4px 0 0 24px;
  font-size: 12px;
  line-height: 16px;
  color: #454655;
`;
const FieldError = styled(Note)`
  color: #c20012;
`;

const isFalse = (value: unknown) => value === false || value === 'false';
const isFilled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

const AccountCheckbox: React.FC<BasePropertyProps> = ({ property, record, onChange, resource }) => {
  const { translateProperty } = useTranslation();
  const options = (property.custom ?? {}) as CheckboxOptions;
  const params = record?.params ?? {};
  if (options.newOnly && record?.id) return null;
  const blocked = options.notApplicable?.find(({ field, when }) =>
    when === 'filled' ? isFilled(params[field]) : isFalse(params[field]),
  );
  const ticked = !blocked && !isFalse(params[property.path]);
  const id = `checkbox-${property.path}`;
  const error = record?.errors[property.path]?.message;
  const note = blocked?.reason ?? property.description;
  return (
    <Group data-testid={`property-edit-${property.path}`}>
      <Option htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={ticked}
          disabled={Boolean(blocked)}
          aria-describedby={note ? `${id}-note` : undefined}
          onChange={(event) => onChange?.(property.path, event.target.checked)}
        />
        {translateProperty(property.label, resource.id)}
      </Option>
      {note && <Note id={`${id}-note`}>{note}</Note>}
      {error && <FieldError role="alert">{error}</FieldError>}
    </Group>
  );
};

export default AccountCheckbox;
