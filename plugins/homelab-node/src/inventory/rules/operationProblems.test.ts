import fs from 'node:fs';
import path from 'node:path';
import { InventoryProblem } from '../problems';
import { validateInventoryFiles } from '../validateInventory';

/*
 * Every problem of backups, recovery objectives and external services
 * (rules/operations.ts), word for word and where: what they name, and
 * whether the backups run often enough for the RPOs. Each case adds its
 * operations sections to the minimal valid inventory, whose production
 * cluster here runs the platform services traefik and flux.
 */

const minimal = fs
  .readFileSync(
    path.resolve(__dirname, '../../../test-corpus/valid/minimal.yaml'),
    'utf8',
  )
  // The operations sections are in v1alpha2.
  .replace(
    'apiVersion: homelab.dev/v1alpha1',
    'apiVersion: homelab.dev/v1alpha2',
  )
  .replace(
    '    distribution: talos\n',
    '    distribution: talos\n    platformServices:\n      - { name: traefik, category: ingress }\n      - { name: flux, category: gitops }\n',
  );

/** Problems without their line and column. */
const problemsOf = (sections: string) =>
  validateInventoryFiles([
    { name: 'inventory.yaml', content: `${minimal}${sections}` },
  ]).problems.map(
    (p: InventoryProblem) =>
      `${p.severity} ${p.path}: ${p.message} [${p.rule}]`,
  );

/** A backups section of one job per line: name, kind, schedule, sources. */
const backups = (
  ...jobs: Array<{
    name: string;
    kind?: string;
    status?: string;
    schedule?: string;
    sources: string[];
    destination?: string;
  }>
) =>
  `backups:\n${jobs
    .map(
      job =>
        `  - name: ${job.name}\n    kind: ${job.kind ?? 'snapshot'}\n${
          job.status ? `    status: ${job.status}\n` : ''
        }${
          job.schedule ? `    schedule: '${job.schedule}'\n` : ''
        }    sources:\n${job.sources.map(s => `      - ${s}\n`).join('')}${
          job.destination ? `    destination: ${job.destination}\n` : ''
        }`,
    )
    .join('')}`;

/** A recovery objective with an RPO over the things it applies to. */
const objective = (rpo: string | undefined, ...appliesTo: string[]) =>
  `recoveryObjectives:\n  - name: critical\n${
    rpo ? `    rpo: ${rpo}\n` : ''
  }    appliesTo:\n${appliesTo.map(t => `      - ${t}\n`).join('')}`;

describe('what backups, objectives and external services name', () => {
  it.each<[string, string, string[]]>([
    [
      'the minimal inventory with a valid job, objective and service',
      `${backups({
        name: 'velero',
        kind: 'backup',
        schedule: '@hourly',
        sources: ['{ cluster: prod, service: traefik }'],
        destination: '{ storage: fast }',
      })}${objective(
        '1h',
        '{ cluster: prod, service: traefik }',
      )}externalServices:\n  - name: dns\n    category: dns\n    usedBy:\n      - { cluster: prod, service: flux }\n      - { device: router }\n`,
      [],
    ],
    [
      'a target that names nothing, and one that names three things',
      backups({
        name: 'b',
        sources: ['{}', '{ storage: fast, device: pi, app: nextcloud }'],
      }),
      [
        'error backups[0].sources[0]: say what this is about with one of cluster, storage, device, app, externalService, description [target-shape]',
        'error backups[0].sources[1]: name one thing only; this names storage and device and app [target-shape]',
      ],
    ],
    [
      'namespaces and a service without their cluster',
      backups({
        name: 'b',
        sources: [
          '{ device: pi, namespaces: [media] }',
          '{ storage: fast, service: traefik }',
          '{ description: Mac clients, namespaces: [media], service: traefik }',
        ],
      }),
      [
        'error backups[0].sources[0].namespaces: "namespaces" belongs with "cluster" [target-shape]',
        'error backups[0].sources[1].service: "service" belongs with "cluster" [target-shape]',
        'error backups[0].sources[2].service: "service" belongs with "cluster" [target-shape]',
      ],
    ],
    [
      'references to nothing, in sources and destinations',
      backups(
        {
          name: 'a',
          kind: 'backup',
          sources: ['{ cluster: prd }', '{ storage: slow }'],
          destination: '{ externalService: offsite }',
        },
        {
          name: 'b',
          kind: 'replication',
          sources: ['{ device: nas }'],
          destination: '{ storage: fast }',
        },
      ),
      [
        'error backups[0].sources[0].cluster: unknown cluster "prd"; did you mean "prod"? Known clusters: prod, stage. [unknown-reference]',
        'error backups[0].sources[1].storage: unknown storage "slow". Known storage: fast. [unknown-reference]',
        'error backups[0].destination.externalService: unknown external service "offsite". The inventory defines no externalServices. [unknown-reference]',
        'error backups[1].sources[0].device: unknown device "nas". Known devices: router, switch, board, module-1, module-2, pi, hypervisor, vm-1. [unknown-reference]',
      ],
    ],
    [
      'a platform service the cluster does not run',
      backups({ name: 'b', sources: ['{ cluster: prod, service: grafana }'] }),
      [
        'error backups[0].sources[0].service: cluster "prod" has no platform service "grafana"; its services: traefik, flux [unknown-reference]',
      ],
    ],
    [
      'a platform service of a cluster that runs none',
      backups({ name: 'b', sources: ['{ cluster: stage, service: flux }'] }),
      [
        'error backups[0].sources[0].service: cluster "stage" has no platform service "flux"; its services: none [unknown-reference]',
      ],
    ],
    [
      'a platform service of an unknown cluster: only the cluster is reported',
      backups({ name: 'b', sources: ['{ cluster: nope, service: grafana }'] }),
      [
        'error backups[0].sources[0].cluster: unknown cluster "nope". Known clusters: prod, stage. [unknown-reference]',
      ],
    ],
    [
      'jobs that copy data elsewhere without a destination',
      backups(
        { name: 'a', kind: 'backup', sources: ['{ cluster: prod }'] },
        { name: 'b', kind: 'replication', sources: ['{ storage: fast }'] },
        { name: 'c', kind: 'snapshot', sources: ['{ storage: fast }'] },
      ),
      [
        'error backups[0]: a backup job copies data elsewhere; add "destination" (a storage item, device or external service) [backup-without-destination]',
        'error backups[1]: a replication job copies data elsewhere; add "destination" (a storage item, device or external service) [backup-without-destination]',
      ],
    ],
    [
      'a schedule that never runs',
      backups({
        name: 'b',
        schedule: '0 0 30 2 *',
        sources: ['{ cluster: prod }'],
      }),
      ['error backups[0].schedule: "0 0 30 2 *" never runs [backup-schedule]'],
    ],
    [
      'what objectives and external services name, RPO or not',
      `${objective(
        undefined,
        '{ cluster: prod, namespaces: [media] }',
        '{ device: nas }',
      )}externalServices:\n  - name: dns\n    category: dns\n    usedBy:\n      - { cluster: prod, service: dns }\n      - { externalService: dns }\n      - { externalService: acme }\n`,
      [
        'error recoveryObjectives[0].appliesTo[1].device: unknown device "nas". Known devices: router, switch, board, module-1, module-2, pi, hypervisor, vm-1. [unknown-reference]',
        'error externalServices[0].usedBy[0].service: cluster "prod" has no platform service "dns"; its services: traefik, flux [unknown-reference]',
        'error externalServices[0].usedBy[2].externalService: unknown external service "acme". Known externalServices: dns. [unknown-reference]',
      ],
    ],
  ])('%s', (_case, sections, expected) => {
    expect(problemsOf(sections)).toEqual(expected);
  });
});

describe('whether the backups meet the recovery point objectives', () => {
  it.each<[string, string, string[]]>([
    [
      'a daily backup for an RPO of a day: met',
      `${backups({
        name: 'nightly',
        schedule: '@daily',
        sources: ['{ cluster: prod }'],
      })}${objective('1d', '{ cluster: prod }')}`,
      [],
    ],
    [
      'a daily backup for an RPO of an hour',
      `${backups({
        name: 'nightly',
        schedule: '@daily',
        sources: ['{ cluster: prod }'],
      })}${objective('1h', '{ cluster: prod }')}`,
      [
        'warning recoveryObjectives[0].rpo: the RPO is 1h, but the most frequent backup of cluster "prod", "nightly", runs only every 1d (@daily); a restore could lose more than the RPO allows [rpo-not-met]',
      ],
    ],
    [
      'backups every hour and a half, 36 hours and 2 days, and one every 30 minutes, for an RPO of 15 minutes',
      `${backups(
        { name: 'a', schedule: '@every 90m', sources: ['{ cluster: prod }'] },
        { name: 'b', schedule: '@every 36h', sources: ['{ storage: fast }'] },
        { name: 'c', schedule: '@every 2d', sources: ['{ device: pi }'] },
        {
          name: 'd',
          schedule: '*/30 * * * *',
          sources: ['{ externalService: dns }'],
        },
        { name: 'e', schedule: '@hourly', sources: ['{ device: router }'] },
      )}${objective(
        '15m',
        '{ cluster: prod }',
        '{ storage: fast }',
        '{ device: pi }',
        '{ externalService: dns }',
        '{ device: router }',
      )}externalServices:\n  - name: dns\n    category: dns\n`,
      [
        'warning recoveryObjectives[0].rpo: the RPO is 15m, but the most frequent backup of cluster "prod", "a", runs only every 1.5h (@every 90m); a restore could lose more than the RPO allows [rpo-not-met]',
        'warning recoveryObjectives[0].rpo: the RPO is 15m, but the most frequent backup of storage "fast", "b", runs only every 36h (@every 36h); a restore could lose more than the RPO allows [rpo-not-met]',
        'warning recoveryObjectives[0].rpo: the RPO is 15m, but the most frequent backup of device "pi", "c", runs only every 2d (@every 2d); a restore could lose more than the RPO allows [rpo-not-met]',
        'warning recoveryObjectives[0].rpo: the RPO is 15m, but the most frequent backup of externalService "dns", "d", runs only every 30m (*/30 * * * *); a restore could lose more than the RPO allows [rpo-not-met]',
        'warning recoveryObjectives[0].rpo: the RPO is 15m, but the most frequent backup of device "router", "e", runs only every 1h (@hourly); a restore could lose more than the RPO allows [rpo-not-met]',
      ],
    ],
    [
      'the most frequent of several backups counts, whichever comes first',
      `${backups(
        { name: 'daily-a', schedule: '@daily', sources: ['{ cluster: prod }'] },
        {
          name: 'hourly-a',
          schedule: '@hourly',
          sources: ['{ cluster: prod }'],
        },
        {
          name: 'hourly-b',
          schedule: '@hourly',
          sources: ['{ storage: fast }'],
        },
        { name: 'daily-b', schedule: '@daily', sources: ['{ storage: fast }'] },
      )}${objective('30m', '{ cluster: prod }', '{ storage: fast }')}`,
      [
        'warning recoveryObjectives[0].rpo: the RPO is 30m, but the most frequent backup of cluster "prod", "hourly-a", runs only every 1h (@hourly); a restore could lose more than the RPO allows [rpo-not-met]',
        'warning recoveryObjectives[0].rpo: the RPO is 30m, but the most frequent backup of storage "fast", "hourly-b", runs only every 1h (@hourly); a restore could lose more than the RPO allows [rpo-not-met]',
      ],
    ],
    [
      'of two backups as frequent, the first is named',
      `${backups(
        { name: 'first', schedule: '@daily', sources: ['{ cluster: prod }'] },
        {
          name: 'second',
          schedule: '0 3 * * *',
          sources: ['{ cluster: prod }'],
        },
      )}${objective('1h', '{ cluster: prod }')}`,
      [
        'warning recoveryObjectives[0].rpo: the RPO is 1h, but the most frequent backup of cluster "prod", "first", runs only every 1d (@daily); a restore could lose more than the RPO allows [rpo-not-met]',
      ],
    ],
    [
      'a continuous job meets any RPO; a job without a schedule, or an unreadable one, may be the frequent one',
      `${backups(
        { name: 'zfs', schedule: 'continuous', sources: ['{ storage: fast }'] },
        { name: 'weekly', schedule: '@weekly', sources: ['{ cluster: prod }'] },
        { name: 'manual', sources: ['{ cluster: prod }'] },
        { name: 'odd', schedule: '@every 1x', sources: ['{ device: pi }'] },
        { name: 'daily', schedule: '@daily', sources: ['{ device: pi }'] },
      )}${objective(
        '5m',
        '{ storage: fast }',
        '{ cluster: prod }',
        '{ device: pi }',
      )}`,
      [
        'error backups[3].schedule: "1x" is not a duration like "6h" [backup-schedule]',
      ],
    ],
    [
      'only active jobs back up, and the RPO applies to the thing the job names',
      `${backups(
        {
          name: 'planned',
          status: 'planned',
          schedule: '@hourly',
          sources: ['{ cluster: prod }'],
        },
        { name: 'apps', schedule: '@hourly', sources: ['{ cluster: stage }'] },
      )}${objective(
        '1d',
        '{ cluster: prod }',
        '{ cluster: prod, service: traefik }',
        '{ description: Mac clients }',
      )}`,
      [
        'warning recoveryObjectives[0].appliesTo[0]: no active backup job has cluster "prod" among its sources, so nothing in the inventory meets the RPO of 1d [rpo-without-backup]',
        'warning recoveryObjectives[0].appliesTo[1]: no active backup job has service "prod/traefik" among its sources, so nothing in the inventory meets the RPO of 1d [rpo-without-backup]',
        'warning recoveryObjectives[0].appliesTo[2]: no active backup job has description "Mac clients" among its sources, so nothing in the inventory meets the RPO of 1d [rpo-without-backup]',
      ],
    ],
    [
      'an app by its name or its catalog ref is one app; a cluster with namespaces is the cluster',
      `${backups(
        {
          name: 'app-backup',
          schedule: '@hourly',
          sources: ['{ app: component:default/nextcloud }', '{ app: gitea }'],
        },
        {
          name: 'ns-backup',
          schedule: '@hourly',
          sources: ['{ cluster: prod, namespaces: [media] }'],
        },
      )}${objective(
        '1h',
        '{ app: nextcloud }',
        '{ app: component:gitea }',
        '{ cluster: prod }',
        '{ app: immich }',
      )}`,
      [
        'warning recoveryObjectives[0].appliesTo[3]: no active backup job has app "immich" among its sources, so nothing in the inventory meets the RPO of 1h [rpo-without-backup]',
      ],
    ],
    [
      'a service written without its cluster: the job still backs up the storage it names',
      `${backups({
        name: 'b',
        schedule: '@hourly',
        sources: ['{ storage: fast, service: traefik }'],
      })}${objective('1d', '{ storage: fast }')}`,
      [
        'error backups[0].sources[0].service: "service" belongs with "cluster" [target-shape]',
      ],
    ],
    [
      'a target that names nothing has no backups to compare',
      objective('1h', '{}'),
      [
        'error recoveryObjectives[0].appliesTo[0]: say what this is about with one of cluster, storage, device, app, externalService, description [target-shape]',
      ],
    ],
  ])('%s', (_case, sections, expected) => {
    expect(problemsOf(sections)).toEqual(expected);
  });
});
