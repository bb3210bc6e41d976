import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { BlastRadius, BlastRadiusMode } from '@homelab/plugin-homelab-common';
import { loadHomelabModel } from '../catalog/loadHomelabModel';
import {
  exampleClusterClients,
  exampleEntities,
} from '../example/__testUtils__/exampleHomelab';
import { BlastRadiusEstate } from '@homelab/plugin-homelab-node';
import { collectWorkloads } from '../workloads/collectWorkloads';
import { WorkloadSnapshot } from '../workloads/WorkloadSnapshot';
import { estateOf } from './loadEstate';

/*
 * The blast radius of the example homelab (examples/homelab), with pods
 * placed as the recorded cluster snapshots (examples/snapshots) place them:
 * production runs 36 pods on rk1-1, rk1-2 and rk1-3, rk1-1 its only
 * control plane; staging is one Raspberry Pi.
 */

let estate: BlastRadiusEstate;
let clusters: Array<{ cluster: string; snapshot: WorkloadSnapshot }>;

beforeAll(async () => {
  const model = await loadHomelabModel(
    catalogServiceMock({ entities: await exampleEntities() }),
    mockServices.auth(),
  );
  clusters = await Promise.all(
    exampleClusterClients().map(async client => ({
      cluster: client.cluster,
      snapshot: await collectWorkloads(client),
    })),
  );
  estate = estateOf(model, clusters);
});

const radiusOf = (name: string, mode: BlastRadiusMode = 'failure') =>
  estate.radiusOf(`resource:default/${name}`, mode) as BlastRadius;

const refs = (items: Array<{ entityRef: string }>) =>
  items.map(item => item.entityRef.replace('resource:default/', '')).sort();

describe('the blast radius of the example homelab', () => {
  it('powering off RK1 module 1 loses the production control plane and etcd quorum', () => {
    const radius = radiusOf('rk1-1');
    expect(refs(radius.down)).toEqual(['rk1-1']);
    expect(radius.nodes.map(n => n.name)).toEqual(['rk1-1']);
    expect(radius.clusters).toEqual([
      expect.objectContaining({
        cluster: 'production',
        nodes: { total: 3, lost: 1 },
        controlPlane: { total: 1, lost: 1, kept: false },
        etcd: { members: 1, lost: 1, quorumKept: false },
        summary:
          'loses 1 of 3 nodes, loses its control plane, loses etcd quorum (1 of 1 members)',
      }),
    ]);
    // Nothing moves without a control plane: what ran only there stays down.
    expect(radius.workloads.map(w => w.effect)).not.toContain('interrupted');
    expect(radius.workloads.map(w => w.effect)).toContain('down');
    expect(radius.summary).toMatch(/^Without RK1 module 1: production loses/);
  });

  it('powering off a worker reports only the workloads with pods on it', () => {
    const radius = radiusOf('rk1-2');
    expect(radius.clusters[0]).toMatchObject({
      controlPlane: { kept: true },
      etcd: { quorumKept: true },
    });
    expect(radius.workloads.length).toBeGreaterThan(0);
    for (const workload of radius.workloads) {
      expect(workload.cluster).toBe('production');
      expect(workload.pods?.lost).toBeGreaterThan(0);
    }
    // Every other production workload has no pod on rk1-2.
    const touched = new Set(radius.workloads.map(w => w.name));
    const missed = clusters
      .find(c => c.cluster === 'production')!
      .snapshot.workloads.filter(workload => !touched.has(workload.name))
      .filter(workload => workload.nodes?.['rk1-2']);
    expect(missed).toEqual([]);
    // The control plane is kept, so a Deployment whose pods all ran there is
    // started elsewhere rather than lost.
    expect(
      radius.workloads.filter(
        w => w.kind === 'Deployment' && w.effect === 'down',
      ),
    ).toEqual([]);
    expect(radius.cutOff).toEqual([]);
  });

  it('a planned maintenance of a worker drains its Deployments to the other nodes', () => {
    const radius = radiusOf('rk1-2', 'maintenance');
    const deployments = radius.workloads.filter(w => w.kind === 'Deployment');
    expect(deployments.length).toBeGreaterThan(0);
    expect(new Set(deployments.map(w => w.effect))).toEqual(new Set(['moves']));
    expect(radius.keepsRunning.length).toBeGreaterThan(0);
  });

  it('powering off the switch cuts off every machine behind it, not the router or modem', () => {
    const radius = radiusOf('unifi-switch');
    expect(refs(radius.down)).toEqual(['unifi-switch']);
    expect(refs(radius.cutOff)).toEqual(
      [
        'proxmox',
        'pve-docker',
        'qnap',
        'rk1-1',
        'rk1-2',
        'rk1-3',
        'rpi-staging',
        'turing-pi-2',
      ].sort(),
    );
    expect(radius.nodes.map(n => `${n.name}:${n.loss}`).sort()).toEqual([
      'rk1-1:cut-off',
      'rk1-2:cut-off',
      'rk1-3:cut-off',
      'rpi-staging:cut-off',
    ]);
    expect(radius.clusters.map(c => c.summary)).toEqual([
      'loses all 3 nodes',
      'loses its only node',
    ]);
  });

  it('the board takes its modules with it, and the Longhorn classes may lose volumes', () => {
    const radius = radiusOf('turing-pi-2');
    expect(refs(radius.down)).toEqual([
      'rk1-1',
      'rk1-2',
      'rk1-3',
      'turing-pi-2',
    ]);
    expect(radius.down.find(d => d.entityRef.endsWith('rk1-1'))?.reason).toBe(
      'runs on Turing Pi 2',
    );
    expect(
      radius.storageClasses.map(c => `${c.title}:${c.lastReplica}`).sort(),
    ).toEqual(
      [
        'longhorn-backup:lost',
        'longhorn-fast:lost',
        'longhorn-standard:lost',
      ].sort(),
    );
    expect(radius.workloads.every(w => w.effect === 'down')).toBe(true);
  });

  it('the NAS takes its pool and everything the pool backs', () => {
    const radius = radiusOf('qnap');
    expect(refs(radius.down)).toEqual(
      ['mariadb', 'minio', 'nas-shares', 'qnap', 'tank'].sort(),
    );
    expect(radius.down.find(d => d.entityRef.endsWith('/minio'))?.reason).toBe(
      'runs on QNAP TS-h973AX',
    );
  });

  it('a network cuts off the machines with no address elsewhere', () => {
    const radius = radiusOf('serverlan');
    expect(radius.down).toEqual([]);
    expect(radius.cutOff.length).toBeGreaterThan(0);
    for (const machine of radius.cutOff)
      expect(machine.reason).toBe('its only network is serverlan');
  });

  it('a Kubernetes node loses only itself: the machine under it stays', () => {
    const radius = radiusOf('production-rk1-3');
    expect(radius.down).toEqual([]);
    expect(radius.nodes.map(n => n.name)).toEqual(['rk1-3']);
    expect(radius.clusters[0].summary).toBe('loses 1 of 3 nodes');
  });

  it('answers nothing for what the estate does not hold', () => {
    expect(estate.radiusOf('resource:default/nope', 'failure')).toBeUndefined();
  });
});
