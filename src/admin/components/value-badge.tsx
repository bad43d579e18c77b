/**
 * A role, an audit action or resource, or a yes/no field in a list or on a record page, as a badge whose colour tells kinds
 * apart (AdminJS draws every value in the same light grey, below AA contrast): red for removing
 * or refusing, green for adding or restoring, blue for changes, amber for bulk moves, grey for the
 * rest (a yes is green, a no red). Every tone has dark text on a light ground (≥ 7:1), and the label is the text, so colour is
 * never the only signal.
 */
import React from 'react';
import { styled } from '@adminjs/design-system/styled-components';
import type { BasePropertyProps } from 'adminjs';
import { ShowField } from './show-field.tsx';

const TONES = {
  red: { background: '#fde8e8', color: '#7a1414' },
  green: { background: '#e3f4e8', color: '#145222' },
  blue: { background: '#e6edfb', color: '#1a3584' },
  amber: { background: '#fff1cc', color: '#5c3b00' },
  grey: { background: '#eceff1', color: '#2f3b42' },
} as const;

const TONE_OF: Record<string, keyof typeof TONES> = {
  SUPERUSER: 'red',
  MANAGER: 'amber',
  STAFF: 'blue',
  VIEWER: 'grey',
  delete: 'red',
  deactivate: 'red',
  login_failed: 'red',
  create: 'green',
  restore: 'green',
  activate: 'green',
  invitation_accepted: 'green',
  update: 'blue',
  role_change: 'blue',
  password_change: 'blue',
  password_reset: 'blue',
  import: 'amber',
  export: 'amber',
  true: 'green',
  false: 'red',
};

/** What a value reads as: its choice's label, Yes or No for a yes/no field, or the value itself. */
function labelOf(property: BasePropertyProps['property'], value: string): string {
  if (property.type === 'boolean') return value === 'true' ? 'Yes' : 'No';
  return property.availableValues?.find((choice) => choice.value === value)?.label ?? value;
}

const Badge = styled.span<{ $tone: keyof typeof TONES }>`
  display: inline-block;
  padding: 2px 8px;
  border-radius: 12px;
  font-size: 12px;
  font-weight: 600;
  line-height: 18px;
  white-space: nowrap;
  background: ${({ $tone }) => TONES[$tone].background};
  color: ${({ $tone }) => TONES[$tone].color};
`;

const ValueBadge: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const value = String(record?.params[property.path] ?? '');
  const badge = value ? <Badge $tone={TONE_OF[value] ?? 'grey'}>{labelOf(property, value)}</Badge> : null;
  return where === 'show' ? <ShowField label={property.label}>{badge}</ShowField> : badge;
};

export default ValueBadge;
