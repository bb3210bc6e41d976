import { useRouteRef } from '@backstage/core-plugin-api';
import { queryString } from '../../api/queryString';
import { rootRouteRef, TAB_PATHS } from '../../routes';

/** A link into a tab of the homelab page, with query parameters. */
export function useHomelabLink() {
  const root = useRouteRef(rootRouteRef);
  return (
    tab: keyof typeof TAB_PATHS,
    query: Record<string, string | undefined> = {},
  ) => `${root()}/${TAB_PATHS[tab]}${queryString(query)}`;
}
