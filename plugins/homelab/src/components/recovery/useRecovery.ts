import { useApi } from '@backstage/core-plugin-api';
import { BackupsQuery } from '@homelab/plugin-homelab-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { homelabApiRef } from '../../api/HomelabApi';

/** Most items a view asks for at once: the backend's page limit. */
const MOST = 500;

/** The backups and certificates of a filter, both asked at once. */
export function useRecovery(
  filter: Pick<BackupsQuery, 'cluster' | 'entityRef'>,
) {
  const api = useApi(homelabApiRef);
  const { cluster, entityRef } = filter;
  return useAsyncRetry(async () => {
    const [backups, certificates] = await Promise.all([
      api.getBackups({ cluster, entityRef, limit: MOST }),
      api.getCertificates({ cluster, entityRef, limit: MOST }),
    ]);
    return { backups, certificates };
  }, [api, cluster, entityRef]);
}

/** " (the first 500 of 612)" when a page holds fewer than there are. */
export const partText = (page: { items: unknown[]; totalCount: number }) =>
  page.items.length < page.totalCount
    ? ` (the first ${page.items.length} of ${page.totalCount})`
    : '';
