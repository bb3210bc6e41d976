import { ApiClusterClient } from './ApiClusterClient';
import { ClusterClient } from './ClusterClient';
import { ClusterConnection } from './clusterConnections';
import { SnapshotClusterClient } from './SnapshotClusterClient';

/**
 * A client for a cluster connection: snapshot folders are read from disk,
 * everything else through the Kubernetes API.
 *
 * @public
 */
export function createClusterClient(
  connection: ClusterConnection,
): ClusterClient {
  return connection.source.type === 'snapshot'
    ? new SnapshotClusterClient(
        connection.name,
        connection.source.directory,
        connection.source.recordedAt,
      )
    : new ApiClusterClient(connection);
}
