import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  BlastRadius,
  BlastRadiusResource,
} from '@homelab/plugin-homelab-common';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { Facts } from '../../shared/Facts';
import { StatusChip } from '../../shared/StatusChip';
import { useHomelabLink } from '../useHomelabLink';
import { EFFECTS } from './effectText';

/** Things that go, each with a note on why; undefined when there are none, so the row is left out. */
function noted(items: Array<{ key: string; main: ReactNode; note: string }>) {
  if (!items.length) return undefined;
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {items.map(item => (
        <li key={item.key}>
          {item.main}{' '}
          <Typography variant="caption" color="textSecondary">
            {item.note}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

const resources = (items: BlastRadiusResource[]) =>
  noted(
    items.map(item => ({
      key: item.entityRef,
      main: (
        <EntityRefLink
          entityRef={item.entityRef}
          title={item.title}
          underline="always"
        />
      ),
      note: item.reason,
    })),
  );

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
              underline="always"
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
  const link = useHomelabLink();
  const others = radius.down.filter(
    d => d.entityRef !== radius.subject.entityRef,
  );
  return (
    <Facts
      rows={[
        ['Goes down with it', resources(others)],
        ['Cut off', resources(radius.cutOff)],
        [
          'Kubernetes nodes',
          noted(
            radius.nodes.map(node => ({
              key: node.entityRef,
              main: (
                <EntityRefLink
                  entityRef={node.entityRef}
                  title={node.name}
                  underline="always"
                />
              ),
              note: node.reason,
            })),
          ),
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
          noted(
            radius.slos.map(slo => ({
              key: slo.id,
              main: (
                <Link to={link('slos', { slo: slo.id })} underline="always">
                  {slo.title}
                </Link>
              ),
              note: EFFECTS[slo.effect].label.toLocaleLowerCase('en-US'),
            })),
          ),
        ],
      ]}
    />
  );
}
