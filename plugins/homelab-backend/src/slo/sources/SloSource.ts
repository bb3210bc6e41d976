import { SloDefinition } from '@homelab/plugin-homelab-common';
import { SloProblem } from '../SloSpec';

/** SLOs read from one place, and the ones that could not be read. */
export interface SloReading {
  slos: SloDefinition[];
  problems: SloProblem[];
}

/**
 * One place SLOs are defined: a file, an entity's annotation, a cluster.
 * When reading fails, the SLOs it gave last time are kept, found by `owns`.
 */
export interface SloSource {
  /** Names the place in warnings. */
  readonly name: string;
  /** The cluster whose objects it reads, for a cluster's SLOs. */
  readonly cluster?: string;
  read(): Promise<SloReading>;
  /** Whether a stored definition came from this place. */
  owns(definition: SloDefinition): boolean;
}
