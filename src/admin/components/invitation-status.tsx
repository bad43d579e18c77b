/**
 * A staff account's invitation status (accepted, invited, expired, not invited) as a badge whose
 * colour tells them apart, each at WCAG AA contrast; the label comes from the domain through the
 * property's availableValues.
 */
import type { BasePropertyProps } from 'adminjs';
import { styled } from '@adminjs/design-system/styled-components';
import React from 'react';
import { ShowField } from './show-field.tsx';

const COLOURS: Record<string, { text: string; background: string }> = {
  accepted: { text: '#0b6e3b', background: '#e7f6ee' },
  invited: { text: '#1a44b8', background: '#e8eefc' },
  expired: { text: '#8a3a00', background: '#fdf0e4' },
  not_invited: { text: '#454655', background: '#f0f0f4' },
};

const Badge = styled.span<{ $text: string; $background: string }>`
  display: inline-block;
  padding: 2px 8px;
  border-radius: 10px;
  font-size: 12px;
  line-height: 16px;
  white-space: nowrap;
  color: ${({ $text }) => $text};
  background: ${({ $background }) => $background};
`;

const InvitationStatus: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const status = String(record?.params[property.path] ?? '');
  const label = property.availableValues?.find((option) => option.value === status)?.label;
  const colours = COLOURS[status] ?? COLOURS.not_invited!;
  const badge = label ? (
    <Badge $text={colours.text} $background={colours.background} data-status={status}>
      {label}
    </Badge>
  ) : null;
  return where === 'show' ? <ShowField label={property.label}>{badge ?? '—'}</ShowField> : badge;
};

export default InvitationStatus;
