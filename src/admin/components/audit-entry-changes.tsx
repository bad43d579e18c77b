/**
 * The changes of an audit log entry on its page, as sentences ("Email: a@x.example → b@x.example"),
 * the way a record's History shows them: written by the server (src/domain/audit/audit-sentences.ts)
 * into the record's `sentences` parameter.
 */
import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { styled } from '@adminjs/design-system/styled-components';
import { ShowField } from './show-field.tsx';

const Sentences = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
  li {
    padding: 2px 0;
  }
`;

function sentencesOf(raw: unknown): string[] {
  if (typeof raw !== 'string') return [];
  try {
    const { sentences = [], details = [] } = JSON.parse(raw) as { sentences?: string[]; details?: string[] };
    return [...sentences, ...details];
  } catch {
    return [];
  }
}

const AuditEntryChanges: React.FC<BasePropertyProps> = ({ record, property }) => (
  <ShowField label={property.label}>
    <Sentences data-testid="audit-entry-changes">
      {sentencesOf(record?.params.sentences).map((sentence, index) => (
        <li key={index}>{sentence}</li>
      ))}
    </Sentences>
  </ShowField>
);

export default AuditEntryChanges;
