/** The fields of a deployment row that decide where it belongs in a list. */
export interface DeploymentLike {
  id: string;
  projectId: string;
  status: string;
}

export interface DeploymentPage<T extends DeploymentLike> {
  items: T[];
  nextCursor: string | null;
}

/** The input a `deployment.list` page was fetched with. */
export interface DeploymentListInput {
  projectId?: string | undefined;
  status?: string | undefined;
  cursor?: string | null | undefined;
  limit?: number | undefined;
}

/**
 * Folds one changed deployment (from `deployment.changes`) into a fetched page, so the table
 * updates without a refetch: a row already on the page is replaced (or dropped when it no
 * longer matches the status filter); a new row that matches is added at the top of the first
 * page, the newest-first order the API uses. Other pages are left alone.
 */
export function applyDeploymentChange<T extends DeploymentLike>(
  page: DeploymentPage<T>,
  change: T,
  input: DeploymentListInput,
): DeploymentPage<T> {
  const matches =
    (!input.projectId || input.projectId === change.projectId) &&
    (!input.status || input.status === change.status);
  const index = page.items.findIndex((item) => item.id === change.id);
  if (index >= 0) {
    const items = matches
      ? page.items.map((item, at) => (at === index ? change : item))
      : page.items.filter((_, at) => at !== index);
    return { ...page, items };
  }
  if (!matches || input.cursor) return page;
  const items = [change, ...page.items];
  const limit = input.limit ?? 20;
  // The row pushed off the end stays reachable through the next page's cursor.
  return { ...page, items: items.length > limit ? items.slice(0, limit) : items };
}
