import { SloDefinition } from '@homelab/plugin-homelab-common';
import { PrometheusClient } from '@homelab/plugin-homelab-node';
import { SloStore } from '../database/SloStore';
import { evaluateSlos } from '../slo/evaluateSlos';
import { SloSource } from '../slo/sources/SloSource';
import { Collection } from './recordCollection';

/** The service an SLO names, and the cluster it was found in, if any. */
export interface ServiceOfSlo {
  service: string;
  cluster?: string;
}

/** The key of a service of an SLO in what entityOfService answers. */
export const serviceKey = (of: ServiceOfSlo) =>
  `${of.cluster ?? ''}/${of.service}`;

/**
 * Reads every SLO definition and evaluates them all against Prometheus in
 * one batch. A place whose definitions cannot be read keeps the SLOs it gave
 * last time (with a warning); a Prometheus failure fails the run, keeping
 * the last evaluation, which the API then shows as stale.
 */
export class SloCollector {
  constructor(
    private readonly store: SloStore,
    private readonly prometheus: PrometheusClient,
    private readonly sources: () => Promise<SloSource[]>,
    /** The entity of an SLO that names a service but no entity (see entityOfService). */
    private readonly entityOfService: (
      services: ServiceOfSlo[],
    ) => Promise<Map<string, string>>,
    /** Events a window needs before an SLO is judged in it. */
    private readonly minimumEvents = 0,
  ) {}

  async collect(evaluatedAt: Date, signal?: AbortSignal): Promise<Collection> {
    const [sources, stored] = await Promise.all([
      this.sources(),
      this.store.slos(),
    ]);
    const readings = await Promise.all(
      sources.map(async source => {
        try {
          const { slos, problems } = await source.read();
          return {
            source,
            slos,
            warnings: problems.map(
              problem =>
                `${problem.origin}: SLO "${problem.name}" is left out: ${problem.message}`,
            ),
          };
        } catch (error) {
          const kept = stored
            .map(({ definition }) => definition)
            .filter(definition => source.owns(definition));
          return {
            source,
            slos: kept,
            warnings: [
              `${source.name} could not be read, so its ${
                kept.length
              } SLO(s) from the last good read are kept: ${
                (error as Error).message
              }`,
            ],
          };
        }
      }),
    );
    const warnings = readings.flatMap(reading => reading.warnings);
    const byId = new Map(
      readings.flatMap(reading => reading.slos).map(slo => [slo.id, slo]),
    );

    const clusterOf = new Map(
      readings.flatMap(reading =>
        reading.source.cluster
          ? reading.slos.map(slo => [slo.id, reading.source.cluster!] as const)
          : [],
      ),
    );
    const serviceOf = (slo: SloDefinition): ServiceOfSlo => ({
      service: slo.service!,
      ...(clusterOf.has(slo.id) ? { cluster: clusterOf.get(slo.id) } : {}),
    });
    const unowned = [...byId.values()].filter(
      slo => !slo.entityRef && slo.service,
    );
    const entities = await this.entityOfService(unowned.map(serviceOf));
    const definitions = [...byId.values()]
      .map(slo => {
        const entityRef =
          slo.entityRef ??
          (slo.service ? entities.get(serviceKey(serviceOf(slo))) : undefined);
        return entityRef ? { ...slo, entityRef } : slo;
      })
      .sort((a, b) => a.id.localeCompare(b.id));

    const { statuses } = await evaluateSlos(
      definitions,
      this.prometheus,
      evaluatedAt,
      { minimumEvents: this.minimumEvents },
    );
    signal?.throwIfAborted();
    await this.store.replaceSlos(
      definitions.map(definition => ({
        definition,
        status: statuses.get(definition.id)!,
      })),
      evaluatedAt,
    );
    return { itemCount: definitions.length, warnings };
  }
}
