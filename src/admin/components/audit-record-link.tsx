/**
 * An audit log entry's "Record #" as a link to the record, where the viewer may open it (the server
 * sets `recordHref` from the permission matrix): on the entry's page and in the list.
 */
import React from 'react';
import { Link } from 'react-router-dom';
import type { BasePropertyProps } from 'adminjs';
import { ShowField } from './show-field.tsx';

const AuditRecordLink: React.FC<BasePropertyProps> = ({ record, property, where }) => {
  const recordId = record?.params.recordId as string | null | undefined;
  const href = record?.params.recordHref as string | undefined;
  const value = !recordId ? null : href ? <Link to={href}>#{recordId}</Link> : `#${recordId}`;
  return where === 'show' ? <ShowField label={property.label}>{value ?? '—'}</ShowField> : <>{value}</>;
};

export default AuditRecordLink;
