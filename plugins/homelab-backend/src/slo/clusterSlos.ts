import { SloDefinition } from '@homelab/plugin-homelab-common';
import { parseDuration } from './durations';
import {
  SloProblem,
  counterErrorRatio,
  counterEvents,
  eventsErrorRatio,
  rateEvents,
  percentToRatio,
  sloId,
} from './SloSpec';

/** Sloth's default SLO period; its Kubernetes objects do not state one. */
const SLOTH_PERIOD_SECONDS = 30 * 86400;

/** A chain of Sloth SLO plugins, with each plugin's configuration. */
interface SlothPlugins {
  chain?: Array<{ id?: string; config?: { disableOptimized?: boolean } }>;
}

/** Sloth's plugin that writes the SLI recording rules. */
const SLOTH_SLI_RULES_PLUGIN = 'sloth.dev/core/sli_rules/v1';

/**
 * How Sloth computes the SLI over the period: by default its rule for the
 * period averages the 5-minute ratios (an "optimized" rule); with its SLI
 * rules plugin configured `disableOptimized: true` the period's rule is a
 * ratio of rates over the period, like the other windows
 * (internal/plugin/slo/core/sli_rules_v1).
 */
function slothPeriodErrorRatio(
  ...plugins: Array<SlothPlugins | undefined>
): 'events' | 'mean-of-5m-ratios' {
  const unoptimized = plugins.some(p =>
    p?.chain?.some(
      plugin =>
        plugin.id === SLOTH_SLI_RULES_PLUGIN &&
        plugin.config?.disableOptimized === true,
    ),
  );
  return unoptimized ? 'events' : 'mean-of-5m-ratios';
}

/** Sloth's PrometheusServiceLevel (sloth.slok.dev/v1). Its objects use camelCase; spec files snake_case. */
export interface SlothServiceLevel {
  metadata: { name: string; namespace?: string };
  spec: {
    service?: string;
    sloPlugins?: SlothPlugins;
    slos?: Array<{
      name: string;
      objective: number;
      description?: string;
      plugins?: SlothPlugins;
      sli?: {
        events?: {
          errorQuery?: string;
          totalQuery?: string;
          error_query?: string;
          total_query?: string;
        };
        raw?: { errorRatioQuery?: string; error_ratio_query?: string };
      };
    }>;
  };
}

/** Pyrra's ServiceLevelObjective (pyrra.dev/v1alpha1). */
export interface PyrraObjective {
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  spec: {
    description?: string;
    target: string;
    window: string;
    indicator?: {
      ratio?: { errors?: { metric?: string }; total?: { metric?: string } };
      latency?: { success?: { metric?: string }; total?: { metric?: string } };
    };
  };
}

export const SLOTH_TYPE = {
  group: 'sloth.slok.dev',
  version: 'v1',
  plural: 'prometheusservicelevels',
};
export const PYRRA_TYPE = {
  group: 'pyrra.dev',
  version: 'v1alpha1',
  plural: 'servicelevelobjectives',
};

const objectOrigin = (
  cluster: string,
  kind: string,
  metadata: { name: string; namespace?: string },
) => `${cluster}:${kind}/${metadata.namespace ?? ''}/${metadata.name}`;

export function parseSlothServiceLevel(
  object: SlothServiceLevel,
  cluster: string,
): { slos: SloDefinition[]; problems: SloProblem[] } {
  const origin = objectOrigin(
    cluster,
    'PrometheusServiceLevel',
    object.metadata,
  );
  const slos: SloDefinition[] = [];
  const problems: SloProblem[] = [];
  for (const slo of object.spec.slos ?? []) {
    const errorQuery =
      slo.sli?.events?.errorQuery ?? slo.sli?.events?.error_query;
    const totalQuery =
      slo.sli?.events?.totalQuery ?? slo.sli?.events?.total_query;
    const rawQuery =
      slo.sli?.raw?.errorRatioQuery ?? slo.sli?.raw?.error_ratio_query;
    let errorRatioQuery: string | undefined;
    if (errorQuery && totalQuery)
      errorRatioQuery = eventsErrorRatio(errorQuery, totalQuery);
    else if (rawQuery) errorRatioQuery = `(avg(${rawQuery}))`;
    if (!errorRatioQuery || !(slo.objective > 0 && slo.objective < 100)) {
      problems.push({
        origin,
        name: slo.name,
        message:
          'it needs an events or raw SLI and an objective between 0 and 100',
      });
      continue;
    }
    slos.push({
      id: sloId('sloth', origin, slo.name),
      name: slo.name,
      ...(object.spec.service ? { service: object.spec.service } : {}),
      ...(slo.description ? { description: slo.description } : {}),
      objective: percentToRatio(slo.objective),
      periodSeconds: SLOTH_PERIOD_SECONDS,
      source: 'sloth',
      origin,
      errorRatioQuery,
      ...(errorQuery && totalQuery
        ? { eventsQuery: rateEvents(totalQuery) }
        : {}),
      periodErrorRatio: slothPeriodErrorRatio(
        object.spec.sloPlugins,
        slo.plugins,
      ),
    });
  }
  return { slos, problems };
}

export function parsePyrraObjective(
  object: PyrraObjective,
  cluster: string,
): { slos: SloDefinition[]; problems: SloProblem[] } {
  const origin = objectOrigin(
    cluster,
    'ServiceLevelObjective',
    object.metadata,
  );
  const name = object.metadata.name;
  const target = percentToRatio(Number(object.spec.target));
  const periodSeconds = parseDuration(object.spec.window);
  const ratio = object.spec.indicator?.ratio;
  const latency = object.spec.indicator?.latency;
  let errorRatioQuery: string | undefined;
  const total = ratio?.total?.metric ?? latency?.total?.metric;
  if (ratio?.errors?.metric && ratio.total?.metric) {
    errorRatioQuery = counterErrorRatio({
      bad: ratio.errors.metric,
      total: ratio.total.metric,
    });
  } else if (latency?.success?.metric && latency.total?.metric) {
    errorRatioQuery = counterErrorRatio({
      good: latency.success.metric,
      total: latency.total.metric,
    });
  }
  if (!errorRatioQuery || !periodSeconds || !(target > 0 && target < 1)) {
    return {
      slos: [],
      problems: [
        {
          origin,
          name,
          message:
            'only ratio and latency indicators with a target and window are supported',
        },
      ],
    };
  }
  return {
    slos: [
      {
        id: sloId('pyrra', origin, name),
        name,
        service: object.metadata.labels?.['app.kubernetes.io/name'] ?? name,
        ...(object.spec.description
          ? { description: object.spec.description }
          : {}),
        objective: target,
        periodSeconds,
        source: 'pyrra',
        origin,
        errorRatioQuery,
        eventsQuery: counterEvents(total!),
        periodErrorRatio: 'events',
      },
    ],
    problems: [],
  };
}
