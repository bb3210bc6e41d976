import {
  ClusterClient,
  KubernetesResourceType,
} from '@homelab/plugin-homelab-node';
import type { KubernetesObject } from '@kubernetes/client-node';
import { listIfServed } from './listIfServed';

/** What a tool's objects are read as, and what to say when it is not installed. */
export class ToolReader {
  readonly warnings: string[] = [];

  constructor(
    private readonly client: ClusterClient,
    private readonly served: Map<string, string[]>,
    private readonly signal?: AbortSignal,
  ) {}

  /** Every object of the type; none, with a warning, when the cluster does not serve it. */
  async list<T extends KubernetesObject>(
    tool: string,
    type: KubernetesResourceType,
  ): Promise<T[]> {
    const versions = this.served.get(type.group) ?? [];
    const objects: T[] = [];
    const listed =
      versions.includes(type.version) &&
      (await listIfServed<T>(
        this.client,
        type,
        page => objects.push(...page),
        this.signal,
      ));
    if (!listed) this.warnings.push(this.#notRead(tool, type, versions));
    return objects;
  }

  #notRead(tool: string, type: KubernetesResourceType, versions: string[]) {
    const { group, version, plural } = type;
    if (versions.includes(version))
      return `${tool}: the cluster serves ${group}/${version} without ${plural}`;
    return versions.length
      ? `${tool} is not read: the cluster serves ${group} in ${versions.join(
          ', ',
        )}, and this plugin reads ${version}`
      : `${tool} is not installed: the cluster does not serve ${group}/${version}`;
  }
}
