/**
 * The Export action of the customer list, in a drawer over the list: two downloads, CSV and XLSX, of
 * exactly the list behind it. AdminJS opens a drawer action with the list's query string (its
 * filters, sort and page), which the links hand on to the panel's export route; the page number is
 * left out, as every page is exported.
 */
import { Box, Button, H3, Text } from '@adminjs/design-system';
import { ViewHelpers, type ActionProps } from 'adminjs';
import React from 'react';
import { useLocation } from 'react-router';

/** The query keys that name a list: its filters and its sort (not its page: every page is exported). */
const isListKey = (key: string) => key.startsWith('filters.') || key === 'sortBy' || key === 'direction';

function exportSearch(listSearch: string, format: 'csv' | 'xlsx'): string {
  const list = new URLSearchParams(listSearch);
  const search = new URLSearchParams({ format });
  for (const [key, value] of list) if (isListKey(key) && value !== '') search.append(key, value);
  return search.toString();
}

const FORMATS = [
  { format: 'csv', label: 'Download CSV', hint: 'UTF-8, for any spreadsheet or script' },
  { format: 'xlsx', label: 'Download XLSX', hint: 'an Excel workbook' },
] as const;

const CustomerExport: React.FC<ActionProps> = ({ resource, action }) => {
  const { search } = useLocation();
  const filtered = [...new URLSearchParams(search).keys()].some((key) => key.startsWith('filters.'));
  const h = new ViewHelpers();
  return (
    <Box variant="container" data-testid={`${resource.id}-${action.name}-screen`}>
      <H3 mb="lg">Export customers</H3>
      <Text mb="lg">
        {filtered
          ? 'Every customer of the list with its current search, filters and sort — all pages, not just this one.'
          : 'Every active customer, in the order of the list — all pages, not just this one.'}
      </Text>
      <Box as="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {FORMATS.map(({ format, label, hint }) => (
          <Box as="li" key={format} mb="lg">
            <Button
              as="a"
              variant="contained"
              href={h.urlBuilder(['customers', 'export'], `?${exportSearch(search, format)}`)}
            >
              {label}
            </Button>
            <Text as="span" ml="default">
              {hint}
            </Text>
          </Box>
        ))}
      </Box>
    </Box>
  );
};

export default CustomerExport;
