/**
 * The head of an edit form after a save that met someone else's change (src/admin/edit-conflict.ts):
 * who changed the record and when (in the reader's time zone), and per field their value and yours,
 * with "Keep mine" and "Take theirs" filling the field below. Nothing is saved until Save is pressed
 * again, against the version the form now holds. Renders nothing while there is no conflict.
 */
import React, { useState } from 'react';
import type { BasePropertyProps } from 'adminjs';
import { styled } from '@adminjs/design-system/styled-components';
import type { EditConflictBaseError } from '../edit-conflict.js';

const Panel = styled.section`
  margin: 0 0 24px 0;
  padding: 16px;
  border: 1px solid #b54708;
  border-left-width: 4px;
  border-radius: 4px;
  background: #fffaeb;
  color: #0c1e29;
  h2 {
    font-size: 16px;
    font-weight: 500;
    margin: 0 0 8px 0;
  }
  p {
    margin: 0 0 12px 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 6px 8px;
    border-bottom: 1px solid #e7d6b5;
    overflow-wrap: anywhere;
  }
  @media (max-width: 600px) {
    padding: 12px 8px;
    th,
    td {
      padding: 6px 4px;
    }
  }
`;

const Choice = styled.button`
  margin: 2px 6px 2px 0;
  min-height: 32px;
  padding: 0 10px;
  border: 1px solid #1f4fd8;
  border-radius: 4px;
  background: #ffffff;
  color: #1f4fd8;
  font: inherit;
  cursor: pointer;
  &[aria-pressed='true'] {
    background: #1f4fd8;
    color: #ffffff;
  }
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const NOUNS: Record<string, string> = { Customer: 'customer', User: 'staff account' };

function isConflict(error: unknown): error is EditConflictBaseError {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'editConflict';
}

const EditConflict: React.FC<BasePropertyProps> = ({ record, resource, onChange }) => {
  const [chosen, setChosen] = useState<Record<string, 'mine' | 'theirs'>>({});
  const conflict = record?.baseError;
  if (!isConflict(conflict) || !onChange) return null;
  const who = [conflict.actorName, conflict.at ? timeFormat.format(new Date(conflict.at)) : null].filter(Boolean);
  const choose = (path: string, value: string, choice: 'mine' | 'theirs') => {
    onChange(path, value);
    setChosen((current) => ({ ...current, [path]: choice }));
  };
  return (
    <Panel role="alert" aria-labelledby="edit-conflict-title" data-testid="edit-conflict">
      <h2 id="edit-conflict-title">
        Someone else changed this {NOUNS[resource.id] ?? 'record'} while you were editing
        {who.length > 0 ? ` (${who.join(', ')})` : ''}
      </h2>
      <p>
        Nothing was saved. The form below still holds your values; choose per field, or edit it by hand, then save
        again.
      </p>
      {conflict.fields.length > 0 ? (
        <table aria-label="Their values and yours">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Theirs (saved)</th>
              <th scope="col">Yours</th>
              <th scope="col">Keep</th>
            </tr>
          </thead>
          <tbody>
            {conflict.fields.map(({ path, label, theirs, yours }) => (
              <tr key={path}>
                <th scope="row">{label}</th>
                <td>{theirs || '(empty)'}</td>
                <td>{yours || '(empty)'}</td>
                <td>
                  <Choice
                    type="button"
                    aria-pressed={chosen[path] === 'mine'}
                    aria-label={`Keep mine: ${label}`}
                    onClick={() => choose(path, yours, 'mine')}
                  >
                    Keep mine
                  </Choice>
                  <Choice
                    type="button"
                    aria-pressed={chosen[path] === 'theirs'}
                    aria-label={`Take theirs: ${label}`}
                    onClick={() => choose(path, theirs, 'theirs')}
                  >
                    Take theirs
                  </Choice>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Their change does not touch the values you submitted.</p>
      )}
    </Panel>
  );
};

export default EditConflict;
