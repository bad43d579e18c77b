/**
 * Which resource and action a panel path names, in AdminJS's route shapes: the list page
 * /resources/:resource, …/actions/:action[/:query], …/records/:id/:action, …/bulk/:action and the
 * API's search routes …/search[/:query] (the search action). Case-insensitive, as express's routing is.
 */

export interface PanelRoute {
  resourceId: string;
  action: string;
  kind: 'resource' | 'record' | 'bulk';
  /** AdminJS's JSON API (under /api/) rather than a page. */
  isApi: boolean;
}

const ACTION_PATH =
  /^\/(api\/)?resources\/([^/]+)(?:\/?$|\/(?:actions\/([^/]+)|records\/[^/]+\/([^/]+)|bulk\/([^/]+)|(search)(?:\/|$)))/i;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parsePanelRoute(path: string): PanelRoute | null {
  const match = ACTION_PATH.exec(path);
  if (!match) return null;
  const [, api, resourceId, resourceAction, recordAction, bulkAction, search] = match;
  return {
    resourceId: decoded(resourceId!),
    action: decoded(resourceAction ?? recordAction ?? bulkAction ?? (search ? 'search' : 'list')),
    kind: recordAction ? 'record' : bulkAction ? 'bulk' : 'resource',
    isApi: api !== undefined,
  };
}
