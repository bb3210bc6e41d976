import { SloDefinition } from '@homelab/plugin-homelab-common';
import { parseAllDocuments } from 'yaml';
import { parseDuration } from './durations';
import {
  SloProblem,
  counterErrorRatio,
  counterEvents,
  percentToRatio,
  sloId,
} from './SloSpec';

interface MetricSource {
  metricSource?: { type?: string; spec?: { query?: string; promql?: string } };
}

interface OpenSloRatioMetric {
  counter?: boolean;
  good?: MetricSource;
  bad?: MetricSource;
  total?: MetricSource;
}

interface OpenSloDocument {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; displayName?: string };
  spec?: {
    description?: string;
    service?: string;
    indicatorRef?: string;
    indicator?: {
      metadata?: { name?: string };
      spec?: { ratioMetric?: OpenSloRatioMetric };
    };
    ratioMetric?: OpenSloRatioMetric;
    timeWindow?: Array<{ duration?: string; isRolling?: boolean }>;
    budgetingMethod?: string;
    objectives?: Array<{
      displayName?: string;
      target?: number;
      targetPercent?: number;
    }>;
  };
}

function queryOf(source: MetricSource | undefined): string | undefined {
  if (
    source?.metricSource?.type &&
    source.metricSource.type.toLowerCase() !== 'prometheus'
  )
    return undefined;
  return (
    source?.metricSource?.spec?.query ?? source?.metricSource?.spec?.promql
  );
}

/**
 * Reads the SLOs of OpenSLO v1 documents (kinds SLO and SLI; Service and
 * DataSource are ignored). Supported: ratio metrics of Prometheus counters
 * (good or bad over total), Occurrences budgeting, rolling windows, one
 * objective. Anything else is reported as a problem, not guessed at.
 */
export function parseOpenSlo(
  text: string,
  origin: string,
): { slos: SloDefinition[]; problems: SloProblem[] } {
  const documents = parseAllDocuments(text)
    .map(document => document.toJS() as OpenSloDocument)
    .filter(document => document && document.apiVersion === 'openslo/v1');
  const indicators = new Map(
    documents
      .filter(document => document.kind === 'SLI' && document.metadata?.name)
      .map(document => [document.metadata!.name!, document.spec?.ratioMetric]),
  );
  const slos: SloDefinition[] = [];
  const problems: SloProblem[] = [];
  for (const document of documents.filter(d => d.kind === 'SLO')) {
    const name = document.metadata?.name ?? '(unnamed)';
    const problem = (message: string) =>
      problems.push({ origin, name, message });
    const spec = document.spec ?? {};
    const ratio =
      spec.indicator?.spec?.ratioMetric ??
      (spec.indicatorRef ? indicators.get(spec.indicatorRef) : undefined);
    if (!ratio) {
      problem(
        spec.indicatorRef
          ? `its indicator "${spec.indicatorRef}" is not defined in the same file`
          : 'it has no ratio-metric indicator',
      );
      continue;
    }
    if (ratio.counter === false) {
      problem('only counter metrics are supported (ratioMetric.counter: true)');
      continue;
    }
    if (spec.budgetingMethod && spec.budgetingMethod !== 'Occurrences') {
      problem(
        `budgeting method ${spec.budgetingMethod} is not supported; use Occurrences`,
      );
      continue;
    }
    const window = spec.timeWindow?.[0];
    const periodSeconds = window?.duration
      ? parseDuration(window.duration)
      : undefined;
    if (!periodSeconds || window?.isRolling === false) {
      problem('it needs one rolling timeWindow with a duration like 30d');
      continue;
    }
    const objective = spec.objectives?.[0];
    const target =
      objective?.target ??
      (objective?.targetPercent !== undefined
        ? percentToRatio(objective.targetPercent)
        : undefined);
    if (target === undefined || !(target > 0 && target < 1)) {
      problem(
        'it needs an objective with a target between 0 and 1 (or targetPercent)',
      );
      continue;
    }
    const total = queryOf(ratio.total);
    const bad = queryOf(ratio.bad);
    const good = queryOf(ratio.good);
    if (!total || (!bad && !good)) {
      problem(
        'its ratio metric needs Prometheus queries for total and for good or bad events',
      );
      continue;
    }
    slos.push({
      id: sloId('openslo', origin, name),
      name,
      ...(document.metadata?.displayName
        ? { displayName: document.metadata.displayName }
        : {}),
      ...(spec.service ? { service: spec.service } : {}),
      ...(spec.description ? { description: spec.description } : {}),
      objective: target,
      periodSeconds,
      source: 'openslo',
      origin,
      errorRatioQuery: counterErrorRatio({
        total,
        ...(bad ? { bad } : { good }),
      }),
      eventsQuery: counterEvents(total),
    });
  }
  return { slos, problems };
}
