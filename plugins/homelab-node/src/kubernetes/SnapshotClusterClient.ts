import { NotAllowedError } from '@backstage/errors';
import type {
  KubernetesObject,
  V1APIGroupList,
  V1Node,
} from '@kubernetes/client-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ClusterClient,
  KubernetesResourceType,
  ServiceProxyTarget,
} from './ClusterClient';
import { replayRecordedTimes } from './replayRecordedTimes';

/**
 * The file a snapshot keeps a resource type in, named as kubectl names the
 * resource: "nodes.json", "helmreleases.helm.toolkit.fluxcd.io.json".
 */
function snapshotFileName(type: KubernetesResourceType): string {
  return type.group === ''
    ? `${type.plural}.json`
    : `${type.plural}.${type.group}.json`;
}

/**
 * Reads recorded objects of a cluster from a folder: `kubectl get <resource>
 * -A -o json` output per resource type (a missing file is an empty list, as a
 * cluster without that CRD installed would have no objects), `kubectl get
 * --raw /apis` as apis.json, and service proxy answers under proxy/. The same
 * code that maps live objects maps these, so demos show what a live cluster
 * would. Recorded clusters cannot be changed.
 */
export class SnapshotClusterClient implements ClusterClient {
  readonly recorded = true;

  /**
   * `recordedAt`, when given, replays the recording as if recorded now:
   * its times move forward by the time since (replayRecordedTimes).
   */
  constructor(
    readonly cluster: string,
    private readonly directory: string,
    private readonly recordedAt?: Date,
  ) {}

  listNodes(): Promise<V1Node[]> {
    return this.list<V1Node>({ group: '', version: 'v1', plural: 'nodes' });
  }

  async list<T extends KubernetesObject = KubernetesObject>(
    type: KubernetesResourceType,
  ): Promise<T[]> {
    const file = snapshotFileName(type);
    const list = await this.#readJson<{ items?: T[] }>(
      file,
      type.plural === 'nodes' ? undefined : { items: [] },
    );
    if (!Array.isArray(list.items)) {
      throw new Error(
        `cluster "${this.cluster}": snapshot ${path.join(
          this.directory,
          file,
        )} is not a Kubernetes list (no items)`,
      );
    }
    return this.recordedAt
      ? replayRecordedTimes(list.items, this.recordedAt, new Date())
      : list.items;
  }

  async *listPages<T extends KubernetesObject = KubernetesObject>(
    type: KubernetesResourceType,
  ): AsyncIterable<T[]> {
    yield await this.list<T>(type);
  }

  async servedVersions(): Promise<Map<string, string[]>> {
    const list = await this.#readJson<V1APIGroupList>('apis.json');
    return new Map(
      list.groups.map(group => [
        group.name,
        group.versions.map(v => v.version),
      ]),
    );
  }

  async proxyGet(target: ServiceProxyTarget): Promise<string> {
    const file = path.join(
      'proxy',
      target.namespace,
      target.service,
      target.path,
    );
    return this.#read(file);
  }

  async mergePatch<T extends KubernetesObject>(): Promise<T> {
    throw new NotAllowedError(
      `cluster "${this.cluster}" is a recorded snapshot and cannot be changed`,
    );
  }

  async #read(file: string): Promise<string> {
    const full = path.join(this.directory, file);
    try {
      return await fs.readFile(full, 'utf8');
    } catch (error) {
      // A file that was not recorded answers as a missing object would: 404.
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw Object.assign(
        new Error(
          `cluster "${this.cluster}": snapshot ${full} cannot be read: ${
            (error as Error).message
          }`,
        ),
        { statusCode: missing ? 404 : undefined },
      );
    }
  }

  async #readJson<T>(file: string, missing?: T): Promise<T> {
    if (missing !== undefined) {
      const exists = await fs.stat(path.join(this.directory, file)).then(
        () => true,
        () => false,
      );
      if (!exists) return missing;
    }
    return JSON.parse(await this.#read(file)) as T;
  }
}
