/**
 * The new-customer form (the `new` action's screen): AdminJS's form with a second button, "Save and
 * add another", as Django's admin has — after it the form is empty again for the next customer, and
 * the notice names the one just added. Save alone opens the new customer (customer-screens.ts).
 */
import React, { useState } from 'react';
import { Box, Button, DrawerContent, DrawerFooter, Icon } from '@adminjs/design-system';
import { BasePropertyComponent, useRecord, type ActionProps, type RecordJSON } from 'adminjs';
import { useNavigate } from 'react-router';

const EMPTY = { params: {}, populated: {}, errors: {} } as RecordJSON;

const CustomerNew: React.FC<ActionProps> = ({ record: initialRecord, resource }) => {
  const { record, handleChange, submit, loading } = useRecord(initialRecord, resource.id);
  const navigate = useNavigate();
  // A new key gives the next customer fresh fields (inputs keep no text of the last one).
  const [formKey, setFormKey] = useState(0);

  const save = async (addAnother: boolean) => {
    const { data } = await submit();
    const created = data.record;
    if (!created?.id || Object.keys(created.errors ?? {}).length > 0) return;
    if (!addAnother) {
      if (data.redirectUrl) navigate(data.redirectUrl);
      return;
    }
    handleChange(EMPTY);
    setFormKey((key) => key + 1);
    window.scrollTo(0, 0);
  };

  return (
    <Box
      as="form"
      flex
      flexGrow={1}
      flexDirection="column"
      data-css="Customer-new-form"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <DrawerContent key={formKey}>
        {resource.editProperties.map((property) => (
          <BasePropertyComponent
            key={property.propertyPath}
            where="edit"
            onChange={handleChange}
            property={property}
            resource={resource}
            record={record}
          />
        ))}
      </DrawerContent>
      <DrawerFooter>
        <Box flex style={{ gap: 16 }}>
          <Button variant="contained" type="submit" data-testid="button-save" disabled={loading}>
            {loading ? <Icon icon="Loader" spin /> : null}
            Save
          </Button>
          <Button variant="outlined" type="button" disabled={loading} onClick={() => void save(true)}>
            Save and add another
          </Button>
        </Box>
      </DrawerFooter>
    </Box>
  );
};

export default CustomerNew;
