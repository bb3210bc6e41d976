import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import {
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';
import {
  ClusterConnection,
  createClusterClient,
  readClusterConnections,
} from '@homelab/plugin-homelab-node';
import fs from 'node:fs/promises';
import { kubeconfigCluster } from './kubeconfigCluster';
import { RecordedClusterServer } from './recorded/RecordedClusterServer';

/** How one cluster is reached, before its token file is read. */
interface SuppliedCluster {
  details: Omit<ClusterDetails, 'authMetadata'>;
  token?: string;
  tokenFile?: string;
}

/**
 * The clusters of homelab.clusters, for Backstage's Kubernetes plugin: the
 * same clusters, credentials and CAs the homelab collectors use, so a
 * homelab configures them once. Credentials stay on the backend (the
 * service account strategy never presents its token to the browser), and
 * private addresses need no allow list, as the operator named each cluster.
 * Recorded snapshots are served read-only by a local {@link
 * RecordedClusterServer}, titled as recorded.
 */
export class HomelabClusterSupplier implements KubernetesClustersSupplier {
  private constructor(
    private readonly clusters: SuppliedCluster[],
    private readonly server?: RecordedClusterServer,
  ) {}

  static async fromConfig(
    config: Config,
    logger: LoggerService,
  ): Promise<HomelabClusterSupplier> {
    const connections = readClusterConnections(config);
    const recorded = connections.filter(c => c.source.type === 'snapshot');
    const server = recorded.length
      ? await RecordedClusterServer.start(recorded.map(createClusterClient))
      : undefined;
    const clusters = connections.flatMap(connection => {
      const supplied = supply(connection, server);
      if ('unusable' in supplied) {
        logger.warn(
          `homelab.clusters "${connection.name}" is not given to the Kubernetes plugin: ${supplied.unusable}`,
        );
        return [];
      }
      return [supplied];
    });
    logger.info(
      `Supplying ${
        clusters.length
      } homelab cluster(s) to the Kubernetes plugin: ${clusters
        .map(c => c.details.title ?? c.details.name)
        .join(', ')}`,
    );
    return new HomelabClusterSupplier(clusters, server);
  }

  async getClusters(): Promise<ClusterDetails[]> {
    return Promise.all(
      this.clusters.map(async ({ details, token, tokenFile }) => ({
        ...details,
        authMetadata: {
          [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: 'serviceAccount',
          // Read at every use: projected service account tokens rotate.
          ...(token || tokenFile
            ? {
                serviceAccountToken:
                  token ?? (await fs.readFile(tokenFile!, 'utf8')).trim(),
              }
            : {}),
        },
      })),
    );
  }

  /** Stops the recorded clusters' server. */
  async stop(): Promise<void> {
    await this.server?.stop();
  }
}

function supply(
  { name, source }: ClusterConnection,
  server: RecordedClusterServer | undefined,
): SuppliedCluster | { unusable: string } {
  switch (source.type) {
    case 'snapshot':
      return {
        details: {
          name,
          title: `${name} (recorded snapshot, read-only)`,
          url: server!.urlOf(name),
          skipMetricsLookup: true,
        },
        token: server!.token,
      };
    case 'api':
      return {
        details: {
          name,
          url: source.url,
          caData: source.caData,
          caFile: source.caFile,
          skipTLSVerify: source.skipTLSVerify,
        },
        token: source.token,
        tokenFile: source.tokenFile,
      };
    default: {
      const cluster = kubeconfigCluster(source.path, source.context);
      if ('unusable' in cluster) return cluster;
      const { token, tokenFile, ...details } = cluster;
      return { details: { name, ...details }, token, tokenFile };
    }
  }
}
