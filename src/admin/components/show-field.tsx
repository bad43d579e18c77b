/**
 * A field's label and value on a record's page, like AdminJS's ValueGroup but with a label at WCAG AA
 * contrast (AdminJS's grey label is not): for the panel's own show components.
 */
import React from 'react';
import { styled } from '@adminjs/design-system/styled-components';

const Group = styled.section`
  margin-bottom: 24px;
`;

const Label = styled.span`
  display: block;
  margin-bottom: 4px;
  font-size: 12px;
  line-height: 16px;
  color: #454655;
`;

export const ShowField: React.FC<{ label: string; children?: React.ReactNode }> = ({ label, children }) => (
  <Group>
    <Label>{label}</Label>
    <div>{children}</div>
  </Group>
);
