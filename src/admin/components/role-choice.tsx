/**
 * The staff form's Role: one radio button per role with its one-line description (from the domain,
 * through `property.custom.roles`), so a superuser sees what each role may do before choosing.
 * A new account starts as the domain's default role.
 */
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { styled } from '@adminjs/design-system/styled-components';
import React from 'react';

interface RoleOption {
  value: string;
  label: string;
  description: string;
}

const Fieldset = styled.fieldset`
  margin: 0 0 24px;
  padding: 0;
  border: 0;
`;
const Legend = styled.legend`
  margin-bottom: 8px;
  font-size: 12px;
  line-height: 16px;
  color: #454655;
`;
const Option = styled.label`
  display: flex;
  gap: 10px;
  align-items: baseline;
  padding: 6px 0;
  font-size: 14px;
  line-height: 20px;
  color: #1c1c38;
  cursor: pointer;
  input:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;
const Description = styled.span`
  color: #454655;
`;
const FieldError = styled.p`
  margin: 4px 0 0;
  font-size: 12px;
  color: #c20012;
`;

const RoleChoice: React.FC<BasePropertyProps> = ({ property, record, onChange, resource }) => {
  const { translateProperty } = useTranslation();
  const custom = property.custom as { roles: RoleOption[]; defaultRole: string };
  const chosen = String(record?.params[property.path] ?? custom.defaultRole);
  const error = record?.errors[property.path]?.message;
  return (
    <Fieldset data-testid={`property-edit-${property.path}`}>
      <Legend>{translateProperty(property.label, resource.id)}</Legend>
      {custom.roles.map((role) => (
        <Option key={role.value}>
          <input
            type="radio"
            name={property.path}
            value={role.value}
            checked={chosen === role.value}
            onChange={() => onChange?.(property.path, role.value)}
          />
          <span>
            <strong>{role.label}</strong> — <Description>{role.description}</Description>
          </span>
        </Option>
      ))}
      {error && <FieldError role="alert">{error}</FieldError>}
    </Fieldset>
  );
};

export default RoleChoice;
