/**
 * The header of every panel screen (AdminJS's ActionHeader, overridden; drawers keep AdminJS's
 * own): breadcrumbs (links at AA contrast and a 24 px target) and the page's one <h1>, the record's
 * actions and the list's Filter button. On a customer's screens the title names the customer
 * ("Jürgen Müller · #2001", "Edit Jürgen Müller", "New customer"), and a deleted customer gets a
 * notice at the top with Restore for the roles the matrix allows it. Names come with the record,
 * spelled by the domain (display-name.ts); other records by their title.
 */
import React from 'react';
import { Box, Button, Icon } from '@adminjs/design-system';
import { styled } from '@adminjs/design-system/styled-components';
import {
  ActionButton,
  ViewHelpers,
  useFilterDrawer,
  useTranslation,
  type ActionHeaderProps,
  type ActionJSON,
  type RecordJSON,
} from 'adminjs';
import { Link, useLocation } from 'react-router-dom';
import { LIST_RETURN_KEY } from './list-return.ts';

const h = new ViewHelpers();

type Props = ActionHeaderProps & { OriginalComponent?: React.ComponentType<ActionHeaderProps> };

const Crumbs = styled.nav`
  font-size: 14px;
  margin: 8px 0 4px 0;
  ol {
    display: flex;
    flex-wrap: wrap;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li + li::before {
    content: '/';
    margin: 0 8px;
    color: #6c757d;
  }
  a {
    display: inline-block;
    min-height: 24px;
    line-height: 24px;
    color: #1f4fd8;
  }
  a:focus-visible {
    outline: 3px solid #1f4fd8;
    outline-offset: 2px;
  }
`;

const Title = styled.h1`
  font-size: 24px;
  font-weight: 500;
  line-height: 1.3;
  margin: 0 0 12px 0;
  color: #0c1e29;
  overflow-wrap: anywhere;
`;

const DeletedNotice = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 12px;
  margin: 0 0 16px 0;
  padding: 12px 16px;
  border-left: 4px solid #8a1c1c;
  background: #fde8e8;
  color: #5c1010;
  font-size: 14px;
`;

/** A customer's screen title: the customer named, "New customer", or the list's or action's name. */
function customerTitleOf(action: ActionJSON, record: RecordJSON | undefined, actionLabel: string): string {
  const name = String(record?.params.displayName ?? '');
  if (action.name === 'list') return actionLabel;
  if (action.name === 'new') return 'New customer';
  // A resource action of its own (Import customers, Export): its name.
  if (!record) return actionLabel;
  if (action.name === 'show') return String(record.params.pageTitle ?? name);
  if (action.name === 'edit') return `Edit ${name}`;
  return `${actionLabel} · ${name}`;
}

/** Another resource's screen title: the list's resource name, the record's title, or the action's. */
function titleOf(action: ActionJSON, record: RecordJSON | undefined, actionLabel: string, resourceLabel: string) {
  if (action.name === 'list') return resourceLabel;
  if (!record) return actionLabel;
  if (action.name === 'show') return record.title;
  if (action.name === 'edit') return `Edit ${record.title}`;
  return `${actionLabel} · ${record.title}`;
}

const deletedOn = (value: unknown) =>
  new Date(String(value)).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function PanelHeader({ resource, record, action, actionPerformed, tag, toggleFilter: showFilter }: ActionHeaderProps) {
  const isCustomer = resource.id === 'Customer';
  const { translateAction, translateLabel } = useTranslation();
  const { toggleFilter, filtersCount } = useFilterDrawer() as { toggleFilter: () => void; filtersCount: number };
  // The search has its own box: the Filter button counts the drawer's filters only.
  const drawerFilters = filtersCount - (new URLSearchParams(useLocation().search).has('filters.search') ? 1 : 0);
  const isList = action.name === 'list';
  const create = isList ? resource.resourceActions.find((candidate) => candidate.name === 'new') : undefined;
  // Resource actions beyond list and new (an export, an import) sit beside New customer, as in AdminJS's header.
  const resourceActions = isList
    ? resource.resourceActions.filter((candidate) => !['list', 'new', 'search'].includes(candidate.name))
    : [];
  const label = (candidate: ActionJSON) => translateAction(candidate.label, resource.id);
  const resourceLabel = translateLabel(resource.name, resource.id);
  const title = isCustomer
    ? customerTitleOf(action, record, label(action))
    : titleOf(action, record, label(action), resourceLabel);
  const recordId = record?.id;
  const showUrl = recordId ? h.recordActionUrl({ resourceId: resource.id, recordId, actionName: 'show' }) : '';
  const others = (record?.recordActions ?? []).filter((candidate) => candidate.name !== action.name);
  const restore = others.find((candidate) => candidate.name === 'restore');
  const deletedAt: unknown = isCustomer ? record?.params.deletedAt : undefined;
  // Restore sits in the deleted notice, where the reason for it is.
  const actions = others.filter((candidate) => candidate !== restore);

  return (
    <Box data-css={`${resource.id}-${action.name}-action-header`} px={['default', 0]}>
      <Crumbs aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to={h.dashboardUrl()}>{translateLabel('dashboard')}</Link>
          </li>
          {isList ? (
            <li aria-current="page">{resourceLabel}</li>
          ) : (
            <li>
              <Link to={`${h.resourceUrl({ resourceId: resource.id })}?${LIST_RETURN_KEY}=1`}>{resourceLabel}</Link>
            </li>
          )}
          {record && action.name !== 'show' ? (
            <li>
              <Link to={showUrl}>{String(record.params.displayName ?? record.title)}</Link>
            </li>
          ) : null}
          {isList ? null : (
            <li aria-current="page">
              {action.name === 'show' ? String(record?.params.displayName ?? record?.title) : label(action)}
            </li>
          )}
        </ol>
      </Crumbs>
      <Box display={['block', 'flex']} alignItems="flex-start">
        <Box flexGrow={1}>
          <Title>
            {title}
            {tag ? ` (${tag})` : null}
          </Title>
        </Box>
        <Box flex flexWrap="wrap" style={{ gap: 8 }} mb="lg">
          {recordId
            ? actions.map((candidate) => (
                <ActionButton
                  key={candidate.name}
                  action={candidate}
                  resourceId={resource.id}
                  recordId={recordId}
                  actionPerformed={actionPerformed}
                >
                  <Button as="a" size="sm" rounded variant={candidate.variant === 'danger' ? 'danger' : 'outlined'}>
                    {candidate.icon ? <Icon icon={String(candidate.icon)} /> : null}
                    {label(candidate)}
                  </Button>
                </ActionButton>
              ))
            : null}
          {create ? (
            <ActionButton action={create} resourceId={resource.id}>
              <Button as="a" size="sm" rounded variant="contained">
                <Icon icon="Plus" />
                {label(create)}
              </Button>
            </ActionButton>
          ) : null}
          {resourceActions.map((candidate) => (
            <ActionButton key={candidate.name} action={candidate} resourceId={resource.id}>
              <Button as="a" size="sm" rounded variant="outlined">
                {candidate.icon ? <Icon icon={String(candidate.icon)} /> : null}
                {label(candidate)}
              </Button>
            </ActionButton>
          ))}
          {isList && (isCustomer || showFilter) ? (
            <Button
              type="button"
              size="sm"
              rounded
              variant="outlined"
              onClick={toggleFilter}
              data-css={`${resource.id}-filter-button`}
            >
              <Icon icon="Filter" />
              {drawerFilters > 0 ? `Filter (${drawerFilters})` : 'Filter'}
            </Button>
          ) : null}
        </Box>
      </Box>
      {deletedAt ? (
        <DeletedNotice role="status" data-testid="deleted-customer-notice">
          <span>
            This customer was deleted on {deletedOn(deletedAt)}. It is hidden from the list
            {action.name === 'edit' ? ' and cannot be changed until it is restored.' : '.'}
          </span>
          {restore && recordId ? (
            <ActionButton action={restore} resourceId={resource.id} recordId={recordId}>
              <Button as="a" size="sm" rounded variant="contained">
                <Icon icon="RotateCcw" />
                Restore
              </Button>
            </ActionButton>
          ) : null}
        </DeletedNotice>
      ) : null}
    </Box>
  );
}

const PanelActionHeader: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  if (props.action.hideActionHeader) return null;
  if (!props.action.showInDrawer) return <PanelHeader {...props} />;
  return OriginalComponent ? <OriginalComponent {...props} /> : null;
};

export default PanelActionHeader;
