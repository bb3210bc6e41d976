import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef, TAB_PATHS } from '../../routes';

/** A link into a tab of the homelab page, with query parameters. */
export function useHomelabLink() {
  const root = useRouteRef(rootRouteRef);
  return (
    tab: keyof typeof TAB_PATHS,
    query: Record<string, string | undefined> = {},
  ) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value) params.set(key, value);
    const text = params.toString();
    return `${root()}/${TAB_PATHS[tab]}${text ? `?${text}` : ''}`;
  };
}
