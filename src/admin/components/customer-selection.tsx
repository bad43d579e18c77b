/**
 * The bar over the Customers list when rows are ticked (AdminJS's SelectedRecords, overridden; other
 * resources keep AdminJS's own): how many are chosen, and buttons that say what they do to them —
 * "Delete 2 customers", not "Delete all".
 */
import React from 'react';
import { Box, Button, Icon, TableCaption } from '@adminjs/design-system';
import { ActionButton, useTranslation, type ActionJSON, type RecordJSON, type ResourceJSON } from 'adminjs';

interface Props {
  resource: ResourceJSON;
  selectedRecords?: RecordJSON[];
  OriginalComponent?: React.ComponentType<Omit<Props, 'OriginalComponent'>>;
}

const customers = (count: number) => (count === 1 ? '1 customer' : `${count} customers`);

const CustomerSelection: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { resource, selectedRecords = [] } = props;
  const { translateAction } = useTranslation();
  if (resource.id !== 'Customer') return OriginalComponent ? <OriginalComponent {...props} /> : null;
  if (selectedRecords.length === 0) return null;
  // A bulk action is offered when every ticked record offers it.
  const actions = selectedRecords[0]!.bulkActions.filter((action: ActionJSON) =>
    selectedRecords.every((record) => record.bulkActions.some((other) => other.name === action.name)),
  );
  const label = (action: ActionJSON) =>
    action.name === 'bulkDelete'
      ? `Delete ${customers(selectedRecords.length)}`
      : `${translateAction(action.label, resource.id)} (${selectedRecords.length})`;
  return (
    <TableCaption data-css="Customer-table-caption">
      <Box flex py="sm" alignItems="center" style={{ gap: 16 }}>
        <span>{customers(selectedRecords.length)} selected</span>
        {actions.map((action) => (
          <ActionButton
            key={action.name}
            action={action}
            resourceId={resource.id}
            recordIds={selectedRecords.map((record) => record.id)}
          >
            <Button as="a" size="sm" rounded variant={action.variant === 'danger' ? 'danger' : 'outlined'}>
              {action.icon ? <Icon icon={String(action.icon)} /> : null}
              {label(action)}
            </Button>
          </ActionButton>
        ))}
      </Box>
    </TableCaption>
  );
};

export default CustomerSelection;
