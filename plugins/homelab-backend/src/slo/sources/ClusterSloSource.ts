import { SloDefinition } from '@homelab/plugin-homelab-common';
import { ClusterClient } from '@homelab/plugin-homelab-node';
import {
  PYRRA_TYPE,
  PyrraObjective,
  SLOTH_TYPE,
  SlothServiceLevel,
  parsePyrraObjective,
  parseSlothServiceLevel,
} from '../clusterSlos';
import { SloReading, SloSource } from './SloSource';

/**
 * Sloth PrometheusServiceLevels and Pyrra ServiceLevelObjectives of a
 * cluster, where it serves those APIs.
 */
export class ClusterSloSource implements SloSource {
  readonly name: string;
  readonly cluster: string;

  constructor(private readonly client: ClusterClient) {
    this.name = `cluster "${client.cluster}"`;
    this.cluster = client.cluster;
  }

  async read(): Promise<SloReading> {
    const served = await this.client.servedVersions();
    const reading: SloReading = { slos: [], problems: [] };
    const add = (part: SloReading) => {
      reading.slos.push(...part.slos);
      reading.problems.push(...part.problems);
    };
    if (served.get(SLOTH_TYPE.group)?.includes(SLOTH_TYPE.version)) {
      for (const object of await this.client.list<SlothServiceLevel>(
        SLOTH_TYPE,
      )) {
        add(parseSlothServiceLevel(object, this.client.cluster));
      }
    }
    if (served.get(PYRRA_TYPE.group)?.includes(PYRRA_TYPE.version)) {
      for (const object of await this.client.list<PyrraObjective>(PYRRA_TYPE)) {
        add(parsePyrraObjective(object, this.client.cluster));
      }
    }
    return reading;
  }

  owns(definition: SloDefinition): boolean {
    return (
      definition.source !== 'openslo' &&
      definition.origin.startsWith(`${this.client.cluster}:`)
    );
  }
}
