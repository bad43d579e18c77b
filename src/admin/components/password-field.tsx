/**
 * The staff form's Password: AdminJS's own field has an unnamed eye button (axe: button-name) and
 * reports the value only on blur. This one names its Show/Hide button, says what the password is
 * for (the property's description) and reports every keystroke, so that Send invitation email
 * reacts while the superuser types.
 */
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { styled } from '@adminjs/design-system/styled-components';
import React, { useState } from 'react';

const Group = styled.div`
  margin-bottom: 24px;
`;
const Label = styled.label`
  display: block;
  margin-bottom: 8px;
  font-size: 12px;
  line-height: 16px;
  color: #454655;
`;
const Row = styled.div`
  display: flex;
  gap: 8px;
`;
const Input = styled.input`
  box-sizing: border-box;
  flex: 1;
  min-width: 0;
  padding: 8px 12px;
  border: 1px solid #8a8a9b;
  border-radius: 2px;
  font: inherit;
  font-size: 14px;
  &[aria-invalid='true'] {
    border-color: #c20012;
  }
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 1px;
  }
`;
const Toggle = styled.button`
  padding: 0 12px;
  border: 1px solid #8a8a9b;
  border-radius: 2px;
  background: #fff;
  font: inherit;
  font-size: 13px;
  color: #1c1c38;
  cursor: pointer;
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 1px;
  }
`;
const Note = styled.p<{ $error?: boolean }>`
  margin: 4px 0 0;
  font-size: 12px;
  line-height: 16px;
  color: ${({ $error }) => ($error ? '#c20012' : '#454655')};
`;

const PasswordField: React.FC<BasePropertyProps> = ({ property, record, onChange, resource }) => {
  const { translateProperty, tm } = useTranslation();
  const [shown, setShown] = useState(false);
  const value: unknown = record?.params[property.path];
  const error = record?.errors[property.path]?.message;
  const id = property.path;
  return (
    <Group data-testid={`property-edit-${property.path}`}>
      <Label htmlFor={id}>{translateProperty(property.label, resource.id)}</Label>
      <Row>
        <Input
          id={id}
          name={property.path}
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          value={typeof value === 'string' ? value : ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
          onChange={(event) => onChange?.(property.path, event.target.value)}
        />
        <Toggle type="button" aria-pressed={shown} onClick={() => setShown((wasShown) => !wasShown)}>
          {shown ? 'Hide' : 'Show'}
        </Toggle>
      </Row>
      <Note id={`${id}-note`} $error={Boolean(error)} role={error ? 'alert' : undefined}>
        {error ? tm(error, resource.id) : property.description}
      </Note>
    </Group>
  );
};

export default PasswordField;
