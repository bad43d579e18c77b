/**
 * The Customers list (the `list` action's screen): a search box always in view above the table,
 * what was searched and how many were found, an empty result that says how to widen it, and the
 * table and pages of AdminJS. The URL holds the search (`filters.search`, the filter the resource
 * already reads), so a link, Back and a reload keep it; the last list URL is remembered for the
 * way back after an edit (see LIST_RETURN in list-return.ts).
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Pagination, Text } from '@adminjs/design-system';
import { styled } from '@adminjs/design-system/styled-components';
import {
  ApiClient,
  RecordsTable,
  useFilterDrawer,
  useSelectedRecords,
  type ActionProps,
  type ListActionResponse,
  type RecordJSON,
} from 'adminjs';
import { useLocation, useNavigate } from 'react-router';
import { hideClosedFilterDrawer, nameFilterDrawer, nameListControls } from './accessible-names.ts';
import { LIST_RETURN_KEY, rememberListSearch, rememberedListSearch } from './list-return.ts';

const api = new ApiClient();
const SEARCH_PARAM = 'filters.search';

/** What the list action answers, with the reason a search can find no one (see customer-options.ts). */
type CustomerListResponse = ListActionResponse & { meta: ListActionResponse['meta'] & { unsearchable?: string } };

const SearchForm = styled.form`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px;
  margin: 0 0 8px 0;
  label {
    font-size: 14px;
    font-weight: 500;
    color: #0c1e29;
  }
  input {
    flex: 1 1 260px;
    max-width: 480px;
    height: 36px;
    padding: 0 10px;
    border: 1px solid #6c757d;
    border-radius: 4px;
    font: inherit;
    font-size: 14px;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
  button {
    height: 36px;
    padding: 0 16px;
    border: 1px solid #1f4fd8;
    border-radius: 4px;
    background: #1f4fd8;
    color: #ffffff;
    font: inherit;
    font-size: 14px;
    cursor: pointer;
  }
`;

const LinkButton = styled.button`
  border: 0;
  padding: 0;
  background: none;
  color: #1f4fd8;
  font: inherit;
  text-decoration: underline;
  cursor: pointer;
  &:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

/** Dense rows: one line each (no wrapping of ids, phones, dates, emails), 18+ in a 900 px window. */
const Dense = styled.div`
  table td,
  table th {
    white-space: nowrap;
    padding-top: 0;
    padding-bottom: 0;
    height: 30px;
  }
  table td button {
    height: 26px;
    padding-top: 0;
    padding-bottom: 0;
  }
  /* A phone shows name, email and phone (columns 3–5 after the checkbox and id); id and dates go. */
  @media (max-width: 600px) {
    overflow-x: auto;
    table tr > :nth-child(2),
    table tr > :nth-child(6),
    table tr > :nth-child(7) {
      display: none !important;
    }
    table tr > :nth-child(3),
    table tr > :nth-child(4),
    table tr > :nth-child(5) {
      display: table-cell !important;
    }
    /* …and these three wrap, so they fit the screen's width without scrolling. */
    table td,
    table th {
      white-space: normal;
      overflow-wrap: anywhere;
      height: auto;
      padding: 4px;
    }
  }
`;

const Summary = styled.p`
  margin: 0 0 12px 0;
  font-size: 14px;
  color: #0c1e29;
`;

const Empty = styled.div`
  padding: 24px 0;
  font-size: 15px;
  color: #0c1e29;
  p {
    margin: 0 0 8px 0;
  }
`;

/** Names for what AdminJS's table, pager and filter drawer leave unnamed (accessible-names.ts). */
function nameControls(root: HTMLElement | null, records: RecordJSON[]): void {
  const names = new Map(records.map((record) => [String(record.id), String(record.params.listName ?? record.title)]));
  nameListControls(root, 'customers', (row) => names.get(row.dataset.id ?? ''));
  nameFilterDrawer('Customer');
}

async function listPage(resourceId: string, query: string): Promise<CustomerListResponse> {
  const response = await api.resourceAction({ resourceId, actionName: 'list', params: new URLSearchParams(query) });
  return response.data as CustomerListResponse;
}

const results = (total: number) => (total === 1 ? '1 result' : `${total.toLocaleString('en')} results`);

const CustomerList: React.FC<ActionProps> = ({ resource, setTag }) => {
  const location = useLocation();
  const navigate = useNavigate();
  const query = new URLSearchParams(location.search);
  const search = query.get(SEARCH_PARAM) ?? '';
  // The answer for one query (and refresh): while the URL's query differs, the list is loading.
  const [loaded, setLoaded] = useState<{ query: string; refresh: number; body: CustomerListResponse }>();
  const [refresh, setRefresh] = useState(0);
  const loading = !loaded || loaded.query !== location.search || loaded.refresh !== refresh;
  const answer = loaded?.body;
  const records: RecordJSON[] = useMemo(() => answer?.records ?? [], [answer]);
  const { selectedRecords, handleSelect, handleSelectAll, setSelectedRecords } = useSelectedRecords(records);
  const tableArea = useRef<HTMLDivElement>(null);
  useEffect(() => nameControls(tableArea.current, records));

  const withQuery = (change: (params: URLSearchParams) => void) => {
    const params = new URLSearchParams(location.search);
    change(params);
    navigate({ search: params.toString() });
  };

  useEffect(() => {
    // Back from a saved edit: the list as the clerk left it (search, filters, sort, page).
    if (new URLSearchParams(location.search).has(LIST_RETURN_KEY)) {
      navigate({ search: rememberedListSearch() }, { replace: true });
      return undefined;
    }
    rememberListSearch(location.search);
    let current = true;
    void listPage(resource.id, location.search).then((body) => {
      if (!current) return;
      setLoaded({ query: location.search, refresh, body });
      setSelectedRecords([]);
    });
    return () => {
      current = false;
    };
  }, [resource.id, location.search, refresh, navigate, setSelectedRecords]);

  useEffect(() => {
    if (answer) setTag?.(answer.meta.total.toString());
  }, [answer, setTag]);

  // Apply (or Reset) in the Filter drawer changes the query: the drawer closes on the results.
  const { close: closeFilters, isVisible: filtersOpen } = useFilterDrawer() as {
    close: () => void;
    isVisible: boolean;
  };
  useEffect(() => hideClosedFilterDrawer(resource.id, filtersOpen), [resource.id, filtersOpen]);
  useEffect(() => {
    closeFilters();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the hook's close is new on every render
  }, [location.search]);

  const searchFor = (text: string) =>
    withQuery((params) => {
      if (text.trim()) params.set(SEARCH_PARAM, text.trim());
      else params.delete(SEARCH_PARAM);
      params.delete('page');
    });

  const total = answer?.meta.total ?? 0;
  const clear = (
    <LinkButton type="button" onClick={() => searchFor('')}>
      Clear search
    </LinkButton>
  );

  return (
    <Box variant="container" data-css={`${resource.id}-list-table-wrapper`}>
      <SearchForm
        role="search"
        aria-label="Customers"
        onSubmit={(event) => {
          event.preventDefault();
          const typed = new FormData(event.currentTarget).get('search');
          searchFor(typeof typed === 'string' ? typed : '');
        }}
      >
        <label htmlFor="customer-search">Search</label>
        <input
          id="customer-search"
          type="search"
          name="search"
          // A new search in the URL (Back, Clear, a link) shows in a fresh box.
          key={search}
          defaultValue={search}
          placeholder="Name, email or phone"
        />
        <button type="submit">Search</button>
      </SearchForm>
      {search && answer && total > 0 ? (
        <Summary role="status">
          {results(total)} for ‘{search}’ ·{' '}
          <LinkButton type="button" onClick={() => searchFor('')}>
            Clear
          </LinkButton>
        </Summary>
      ) : null}
      <div ref={tableArea}>
        {answer && !loading && records.length === 0 ? (
          <Empty role="status" data-testid="customer-list-empty">
            {search ? (
              <p>
                No customers match ‘{search}’ · {clear}
              </p>
            ) : [...query.keys()].some((key) => key.startsWith('filters.')) ? (
              <p>No customers match these filters.</p>
            ) : (
              <p>No active customers yet.</p>
            )}
            {answer.meta.unsearchable ? <p>{answer.meta.unsearchable}</p> : null}
          </Empty>
        ) : (
          <Dense>
            <RecordsTable
              resource={resource}
              records={records}
              actionPerformed={() => setRefresh((count) => count + 1)}
              onSelect={handleSelect}
              onSelectAll={handleSelectAll}
              selectedRecords={selectedRecords}
              direction={answer?.meta.direction}
              sortBy={answer?.meta.sortBy}
              isLoading={loading}
            />
          </Dense>
        )}
        {total > 0 ? (
          <Text mt="xl" textAlign="center">
            <Pagination
              page={answer?.meta.page ?? 1}
              perPage={answer?.meta.perPage ?? 20}
              total={total}
              onChange={(page: number) => withQuery((params) => params.set('page', String(page)))}
            />
          </Text>
        ) : null}
      </div>
    </Box>
  );
};

export default CustomerList;
