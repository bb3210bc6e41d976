import { Entity } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CapacityReport,
  SourceFreshness,
} from '@homelab/plugin-homelab-common';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { homelabApiRef } from '../../api/HomelabApi';
import { errorMessage } from '../shared/errorMessage';

/** What a fit is worked out from: the capacity as last collected, and the catalog's Resources of one type. */
export interface FitSources {
  capacity: CapacityReport;
  freshness: SourceFreshness[];
  resources: Entity[];
}

/** Reads a fit field's sources once: the backend's capacity and the catalog's Resources of `resourceType`. */
export function useFitSources(resourceType: string) {
  const api = useApi(homelabApiRef);
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<FitSources> => {
    const [{ capacity, freshness }, resources] = await Promise.all([
      api.getCapacity(),
      catalogApi.getEntities({
        filter: { kind: 'Resource', 'spec.type': resourceType },
      }),
    ]);
    return { capacity, freshness, resources: resources.items };
  }, [api, catalogApi, resourceType]);
}

/** What a fit field shows while its sources load, or why they could not be read; nothing once read. */
export function FitSourcesPending(props: { loading: boolean; error?: Error }) {
  if (props.loading) return <Progress />;
  if (props.error) {
    return (
      <Alert severity="error">
        Capacity could not be read: {errorMessage(props.error)}
      </Alert>
    );
  }
  return null;
}
