import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  AppRequests,
  HOMELAB_RESOURCE_TYPES,
  appFit,
  fitVerdict,
  parseQuantity,
} from '@homelab/plugin-homelab-common';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { useEffect } from 'react';
import { FreshnessNotice } from '../shared/FreshnessNotice';
import { formatTime } from '../shared/formatTime';
import { FitVerdictView } from './FitVerdictView';
import { FitSources, FitSourcesPending, useFitSources } from './useFitSources';

const nameOf = (ref: string, defaultKind: string) =>
  parseEntityRef(ref, { defaultKind }).name;

/** The form's requests as numbers, or why they are not readable. */
function appRequestsOf(value: unknown): AppRequests | string {
  const { cpu, memory, replicas } = (value ?? {}) as Record<string, unknown>;
  const cpuCores = parseQuantity(typeof cpu === 'string' ? cpu : undefined);
  const memoryBytes = parseQuantity(
    typeof memory === 'string' ? memory : undefined,
  );
  if (cpuCores === undefined) {
    return 'Give the CPU each replica requests, like 100m or 0.5.';
  }
  if (memoryBytes === undefined) {
    return 'Give the memory each replica requests, like 128Mi or 1Gi.';
  }
  const count = typeof replicas === 'number' && replicas > 0 ? replicas : 1;
  return { cpuCores, memoryBytes, replicas: count };
}

/** The clusters serving an environment: those whose spec.system names it. */
const clustersOf = (clusters: Entity[], environment: string) =>
  clusters.filter(
    cluster =>
      typeof cluster.spec?.system === 'string' &&
      nameOf(cluster.spec.system, 'system') === environment,
  );

/** Each picked environment's clusters with the app's fit on each. */
function fitsOf(
  value: FitSources,
  environments: string[],
  requests: AppRequests,
) {
  return environments.flatMap(ref => {
    const environment = nameOf(ref, 'system');
    return clustersOf(value.resources, environment).map(cluster => {
      const name = cluster.metadata.name;
      const title = cluster.metadata.title ?? name;
      const figures = value.capacity.clusters.find(c => c.cluster === name);
      const verdict = figures
        ? appFit(requests, figures)
        : fitVerdict([
            {
              what: 'Capacity',
              state: 'unknown',
              reason: `no capacity has been collected for ${name}`,
            },
          ]);
      const observedAt = figures?.figures[0]?.observedAt;
      return { environment, name, title, verdict, observedAt };
    });
  });
}

/**
 * The deploy template's "Will it fit" field: for each environment picked,
 * whether the app's replicas fit its cluster's nodes and keep the cluster
 * below the inventory's targets, from the homelab's capacity as last
 * collected. Its value is the worst answer, for the template to show.
 */
export const AppFitField = (props: FieldExtensionComponentProps<string>) => {
  const { onChange, formContext, formData: current } = props;
  const form = (formContext?.formData ?? {}) as Record<string, unknown>;
  const requests = appRequestsOf(form.requests);
  const environments = Array.isArray(form.environments)
    ? form.environments.filter((e): e is string => typeof e === 'string')
    : [];
  const { value, loading, error } = useFitSources(
    HOMELAB_RESOURCE_TYPES.cluster,
  );
  const fits =
    value && typeof requests !== 'string'
      ? fitsOf(value, environments, requests)
      : [];

  const state = fits.length
    ? fitVerdict(fits.flatMap(fit => fit.verdict.checks)).state
    : undefined;
  useEffect(() => {
    if (state !== current) onChange(state);
  }, [state, current, onChange]);

  if (typeof requests === 'string') {
    return <Alert severity="info">{requests}</Alert>;
  }
  if (!value) return <FitSourcesPending loading={loading} error={error} />;
  if (!fits.length) {
    return (
      <Alert severity="warning">
        No cluster in the catalog serves{' '}
        {environments.map(ref => nameOf(ref, 'system')).join(' or ') ||
          'the environments picked'}
        ; nothing to check the app against.
      </Alert>
    );
  }
  return (
    <Box data-testid="app-fit">
      <FreshnessNotice freshness={value.freshness} />
      {fits.map(fit => (
        <FitVerdictView
          key={fit.name}
          title={`${fit.environment} · ${fit.title}`}
          testId={`fit-${fit.environment}-${fit.name}`}
          subtitle={
            fit.observedAt
              ? `Requests as read from the cluster ${formatTime(
                  fit.observedAt,
                )}`
              : 'Requests never read from the cluster'
          }
          verdict={fit.verdict}
        />
      ))}
    </Box>
  );
};
