import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  BlastRadius,
  BlastRadiusResource,
} from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import { Facts } from '../../shared/Facts';
import { StatusChip } from '../../shared/StatusChip';
import { EFFECTS } from './effectText';

function Resources(props: { items: BlastRadiusResource[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {props.items.map(item => (
        <li key={item.entityRef}>
          <EntityRefLink entityRef={item.entityRef} title={item.title} />{' '}
          <Typography variant="caption" color="textSecondary">
            {item.reason}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

/** A volume whose every replica was on the lost nodes: gone in a failure, unreachable during a maintenance. */
const LAST_REPLICA = {
  failure: 'may lose the last replica',
  maintenance: 'may have no replica to serve it until the node is back',
} as const;

/** Each cluster's verdict: nodes, control plane and etcd, as chips that say it in words. */
export function ClusterVerdicts(props: { radius: BlastRadius }) {
  return (
    <>
      {props.radius.clusters.map(cluster => (
        <div key={cluster.cluster} style={{ marginBottom: 8 }}>
          <Typography variant="subtitle2" component="h3">
            <EntityRefLink
              entityRef={cluster.entityRef}
              title={cluster.cluster}
            />
            {` loses ${cluster.nodes.lost} of ${cluster.nodes.total} nodes`}
          </Typography>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <StatusChip
              status={cluster.controlPlane.kept ? 'ok' : 'error'}
              label={
                cluster.controlPlane.kept
                  ? 'Control plane kept'
                  : 'Control plane lost'
              }
            />
            {cluster.etcd && (
              <StatusChip
                status={cluster.etcd.quorumKept ? 'ok' : 'error'}
                label={`etcd quorum ${
                  cluster.etcd.quorumKept ? 'kept' : 'lost'
                } (${cluster.etcd.members - cluster.etcd.lost} of ${
                  cluster.etcd.members
                } members left)`}
              />
            )}
          </div>
        </div>
      ))}
    </>
  );
}

/** The machines, apps, storage classes and SLOs that go with the subject. */
export function BlastRadiusDetails(props: { radius: BlastRadius }) {
  const { radius } = props;
  const others = radius.down.filter(
    d => d.entityRef !== radius.subject.entityRef,
  );
  return (
    <Facts
      rows={[
        [
          'Goes down with it',
          others.length ? <Resources items={others} /> : undefined,
        ],
        [
          'Cut off',
          radius.cutOff.length ? (
            <Resources items={radius.cutOff} />
          ) : undefined,
        ],
        [
          'Kubernetes nodes',
          radius.nodes.length
            ? radius.nodes.map(node => (
                <div key={node.entityRef}>
                  <EntityRefLink entityRef={node.entityRef} title={node.name} />{' '}
                  <Typography variant="caption" color="textSecondary">
                    {node.reason}
                  </Typography>
                </div>
              ))
            : undefined,
        ],
        [
          'Longhorn volumes',
          radius.storageClasses.length
            ? radius.storageClasses.map(storage => (
                <div key={storage.entityRef}>
                  <StatusChip
                    status={storage.lastReplica === 'lost' ? 'error' : 'ok'}
                    label={`${storage.title}: ${
                      storage.lastReplica === 'lost'
                        ? LAST_REPLICA[radius.mode]
                        : 'keeps a replica'
                    } (${storage.replicas} per volume, ${
                      storage.storageNodesLost
                    } storage node${
                      storage.storageNodesLost === 1 ? '' : 's'
                    } lost)`}
                  />
                </div>
              ))
            : undefined,
        ],
        [
          'SLOs at risk',
          radius.slos.length
            ? radius.slos.map(slo => (
                <div key={slo.id}>
                  {slo.title}{' '}
                  <Typography variant="caption" color="textSecondary">
                    {EFFECTS[slo.effect].label.toLocaleLowerCase('en-US')}
                  </Typography>
                </div>
              ))
            : undefined,
        ],
      ]}
    />
  );
}
