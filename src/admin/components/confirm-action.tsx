/**
 * The confirmation screen of a record action that changes something (Restore, Send invitation,
 * Send password reset): the question, and a button that POSTs the action. AdminJS's own button for
 * an action without a screen sends a GET, and nothing in the panel changes on a GET.
 */
import { Box, Button, Text } from '@adminjs/design-system';
import { ApiClient, useActionResponseHandler, useTranslation, type ActionProps } from 'adminjs';
import React, { useState } from 'react';
import { useNavigate } from 'react-router';

const api = new ApiClient();

const ConfirmAction: React.FC<ActionProps> = ({ action, record, resource }) => {
  const handleResponse = useActionResponseHandler();
  const navigate = useNavigate();
  const { translateButton } = useTranslation();
  const [sending, setSending] = useState(false);
  if (!record) return null;

  const confirm = async () => {
    setSending(true);
    try {
      // `data` makes it a POST. It carries the version shown: a record changed since is not touched.
      const version: unknown = record.params.version;
      handleResponse(
        await api.recordAction({
          resourceId: resource.id,
          recordId: record.id,
          actionName: action.name,
          data: version === undefined ? {} : { version },
        }),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <Box variant="container" data-css={`${resource.id}-${action.name}-confirmation`}>
      <Text mb="xl">{action.guard}</Text>
      <Button variant="contained" onClick={() => void confirm()} disabled={sending}>
        {action.label}
      </Button>
      <Button variant="text" ml="default" onClick={() => navigate(-1)} disabled={sending}>
        {translateButton('cancel', resource.id)}
      </Button>
    </Box>
  );
};

export default ConfirmAction;
