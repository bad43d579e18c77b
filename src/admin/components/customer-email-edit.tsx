/**
 * The customer form's email field. Its one difference from AdminJS's text field: a message naming
 * another customer ("… already belongs to customer #42", from domain/customers/uniqueness.ts) links
 * to that customer, so the clerk can open the record instead of searching for it.
 */
import React from 'react';
import { FormGroup, FormMessage, Input, Label } from '@adminjs/design-system';
import { useTranslation, ViewHelpers, type EditPropertyProps } from 'adminjs';
import { Link } from 'react-router-dom';

const h = new ViewHelpers();
const CUSTOMER_NUMBER = /(customer #(\d+))/;

/** "… belongs to customer #42." with "customer #42" as a link to that customer's page. */
function withCustomerLink(message: string, resourceId: string): React.ReactNode {
  const [before, linked, id, after] = message.split(CUSTOMER_NUMBER);
  if (!linked || !id) return message;
  return (
    <>
      {before}
      <Link to={h.recordActionUrl({ resourceId, recordId: id, actionName: 'show' })}>{linked}</Link>
      {after}
    </>
  );
}

const CustomerEmailEdit: React.FC<EditPropertyProps> = ({ property, record, onChange, resource }) => {
  const { translateProperty } = useTranslation();
  const error = record.errors?.[property.path];
  const value = record.params?.[property.path] as unknown;
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={property.path} required={property.isRequired}>
        {/* As AdminJS's own fields name it: "Email", not the property's path. */}
        {translateProperty(property.label, resource.id)}
      </Label>
      <Input
        id={property.path}
        name={property.path}
        type="email"
        autoComplete="off"
        value={typeof value === 'string' ? value : ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(property.path, event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${property.path}-error` : undefined}
      />
      <FormMessage id={`${property.path}-error`}>
        {error ? withCustomerLink(error.message, resource.id) : null}
      </FormMessage>
    </FormGroup>
  );
};

export default CustomerEmailEdit;
