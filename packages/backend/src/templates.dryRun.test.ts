import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubScaffolderModule from '@backstage/plugin-scaffolder-backend-module-github';
import notificationsScaffolderModule from '@backstage/plugin-scaffolder-backend-module-notifications';
import homelabCatalogModule from '@homelab/plugin-catalog-backend-module-homelab';
import homelabPlugin from '@homelab/plugin-homelab-backend';
import homelabScaffolderModule from '@homelab/plugin-scaffolder-backend-module-homelab';
import {
  createBareRepository,
  GithubApiTestServer,
} from '@homelab/plugin-homelab-node/testUtils';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import request from 'supertest';
import { parse } from 'yaml';
import { pluginSchedulers } from './__testUtils__/pluginSchedulers';
import { portalConfig } from './__testUtils__/portalConfig';
import { portalPolicyPermissions } from './__testUtils__/portalPolicyPermissions';
import { runCollections } from './__testUtils__/runCollections';
import { waitForEntity } from './__testUtils__/waitForEntity';

jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../../..');
const TOKEN = 'ghs_local-test-token';
/** A member of homelab-admins, the example's operators (examples/org.yaml). */
const OPERATOR = mockCredentials.user('user:default/guest');
/** Signed in, in no operator group. */
const VISITOR = mockCredentials.user('user:default/visitor');

interface DryRunResult {
  status: number;
  body: {
    log: Array<{ body: { message: string; stepId?: string; status?: string } }>;
    output: Record<string, any>;
    directoryContents: Array<{ path: string; base64Content: string }>;
    errors?: unknown;
    error?: { message: string };
  };
}

/** A template folder as the editor sends it to the dry-run API. */
function directoryContents(dir: string) {
  const files: Array<{ path: string; base64Content: string }> = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), {
      withFileTypes: true,
    })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else
        files.push({
          path: child,
          base64Content: fs.readFileSync(path.join(dir, child), 'base64'),
        });
    }
  };
  walk('');
  return files;
}

const fileText = (result: DryRunResult, file: string) => {
  const found = result.body.directoryContents.find(f => f.path === file);
  return found && Buffer.from(found.base64Content, 'base64').toString('utf8');
};

/** A step's log lines, without the colour and level an action's logger adds. */
const messages = (result: DryRunResult, stepId: string) =>
  result.body.log
    .filter(entry => entry.body.stepId === stepId)
    .map(entry =>
      // eslint-disable-next-line no-control-regex
      entry.body.message.replace(/^\u001b\[\d+m\w+\u001b\[\d+m: /, ''),
    );

describe('every template dry-runs through the scaffolder API of a test backend (GitHub is a local server speaking its REST API over real git repositories; the clusters are the example snapshots)', () => {
  let root: string;
  let github: GithubApiTestServer;
  let server: any;
  let stopBackend: () => Promise<void>;
  const { schedulers, grab: grabScheduler } = pluginSchedulers();
  const agentOptions = https.globalAgent.options;
  const hadCa = 'ca' in agentOptions;
  const defaultCa = agentOptions.ca;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-templates-'));
    // The inventory repository keeps the inventory in inventory/.
    const inventoryRepo = path.join(root, 'homelab');
    fs.cpSync(
      path.join(repoRoot, 'examples/homelab'),
      path.join(inventoryRepo, 'inventory'),
      { recursive: true },
    );
    github = await GithubApiTestServer.start(
      {
        'hallonen/homelab-gitops': createBareRepository(
          path.join(repoRoot, 'examples/gitops'),
          path.join(root, 'homelab-gitops.git'),
        ),
        'hallonen/homelab': createBareRepository(
          inventoryRepo,
          path.join(root, 'homelab.git'),
        ),
      },
      TOKEN,
    );
    // The URL reader trusts the test CA, as a homelab trusts its own.
    agentOptions.ca = [...tls.rootCertificates, GithubApiTestServer.caPem];

    const config = await portalConfig();
    config.integrations = { github: [github.integration] };
    // A dry run reaches no machine; the board only has to be configured.
    config.homelab.provisioning = {
      proxmox: [
        {
          name: 'proxmox',
          url: 'https://127.0.0.1:1',
          node: 'pve',
          tokenId: 'backstage@pve!provision',
          tokenSecret: 'never-sent-by-a-dry-run',
        },
      ],
      turingPi: [
        {
          name: 'turing-pi-2',
          url: 'https://127.0.0.1:1',
          username: 'root',
          password: 'never-sent-by-a-dry-run',
        },
      ],
    };
    // The portal's local repositories, replaced by the same repositories on
    // the GitHub stand-in: the templates then open pull requests.
    config.homelab.repositories = {
      gitops: { url: `https://${github.host}/hallonen/homelab-gitops` },
      inventory: {
        url: `https://${github.host}/hallonen/homelab`,
        path: 'inventory',
      },
    };
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        homelabCatalogModule,
        scaffolderPlugin,
        githubScaffolderModule,
        notificationsScaffolderModule,
        homelabScaffolderModule,
        homelabPlugin,
        portalPolicyPermissions,
        // Group membership as the auth backend resolves it from the catalog.
        mockServices.userInfo.mock({
          async getUserInfo(credentials: any) {
            const ref = credentials.principal.userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs:
                ref === 'user:default/guest'
                  ? [ref, 'group:default/homelab-admins']
                  : [ref],
            };
          },
        }).factory,
        mockServices.rootConfig.factory({ data: config }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        grabScheduler('catalog'),
        grabScheduler('homelab'),
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();

    // The catalog ingests the example inventory and the apps the promotions
    // name, then the homelab backend collects the clusters, as in the portal
    // after start: the collectors place Flux objects and reports on the apps
    // the catalog holds when they run, so under load they must wait for them.
    await schedulers.catalog.triggerTask('homelab-inventory:hallonen:refresh');
    for (const entity of [
      'system/default/production',
      'component/default/nextcloud',
      'component/default/vaultwarden',
    ]) {
      await waitForEntity(server, entity, OPERATOR.principal.userEntityRef);
    }
    await runCollections(
      server,
      schedulers.homelab,
      ['workloads', 'flux', 'security', 'slo'],
      OPERATOR.principal.userEntityRef,
    );
    await collectUntilDriftPlacesApps(['nextcloud', 'vaultwarden']);
  });

  /**
   * Collects Flux again until GET /drift, which the promotion gates read,
   * places each app in staging and in production: in CI's full run the
   * gates twice found nextcloud "not seen in staging" after the collections
   * had run and the app's Flux objects were placed on it. A failure here
   * names what the drift holds and how fresh Flux is.
   */
  async function collectUntilDriftPlacesApps(apps: string[]) {
    const user = OPERATOR.principal.userEntityRef;
    const environments = ['staging', 'production'];
    const unplaced = (drift: {
      apps?: Array<{ app: string; releases: Array<{ environment: string }> }>;
    }) =>
      apps.filter(app => {
        const placed = drift.apps?.find(entry => entry.app === app);
        return environments.some(
          environment =>
            !placed?.releases.some(r => r.environment === environment),
        );
      });
    for (let attempt = 1; ; attempt++) {
      const { body } = await request(server)
        .get('/api/homelab/drift')
        .set('Authorization', mockCredentials.user.header(user));
      const left = unplaced(body);
      if (left.length === 0) return;
      if (attempt === 5) {
        throw new Error(
          `the drift places ${left.join(', ')} not in ${environments.join(
            ' and ',
          )} after ${attempt} collections: ${JSON.stringify(body)}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 2000));
      await runCollections(server, schedulers.homelab, ['flux'], user);
    }
  }

  afterAll(async () => {
    // The agent's options override every request's, even when undefined, so
    // a key left behind would strip the CA from later requests in this worker.
    if (hadCa) agentOptions.ca = defaultCa;
    else delete agentOptions.ca;
    await stopBackend?.();
    await github?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function dryRun(
    template: string,
    values: Record<string, unknown>,
    user = OPERATOR,
  ): Promise<DryRunResult> {
    const dir = path.join(repoRoot, 'templates', template);
    const response = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set(
        'Authorization',
        mockCredentials.user.header(user.principal.userEntityRef),
      )
      .send({
        template: parse(
          fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'),
        ),
        values,
        secrets: {},
        directoryContents: directoryContents(dir),
      });
    return { status: response.status, body: response.body };
  }

  it('"Deploy an app with Flux" checks out the GitOps repository, plans the Flux manifests, describes the app and would open a pull request', async () => {
    const result = await dryRun('deploy-app-with-flux', {
      app: 'immich',
      description: 'Photos and videos, self-hosted.',
      owner: 'group:default/homelab-admins',
      environments: ['system:default/staging'],
      source: {
        kind: 'HelmRepository',
        url: 'https://immich-app.github.io/immich-charts',
        chart: 'immich',
        version: '0.9.3',
      },
      values: 'persistence:\n  library:\n    existingClaim: immich-library\n',
    });
    expect(result.body.error).toBeUndefined();
    expect(result.status).toBe(200);
    // The real repository was read through the GitHub reader.
    expect(fileText(result, 'gitops/apps/staging/kustomization.yaml')).toBe(
      fs.readFileSync(
        path.join(repoRoot, 'examples/gitops/apps/staging/kustomization.yaml'),
        'utf8',
      ),
    );
    expect(github.requests).toContain(
      'GET /api/v3/repos/hallonen/homelab-gitops/commits/main/status?per_page=0',
    );
    expect(messages(result, 'deploy')).toContainEqual(
      'immich in fluxcd/flux2-kustomize-helm-example (clusters/production, clusters/staging): 5 files created, 1 updated, 0 unchanged',
    );
    expect(fileText(result, 'gitops/apps/base/immich/catalog-info.yaml'))
      .toBe(`# Written by the "Deploy an app with Flux" template. Flux applies what the
# kustomizations list, never this file; the catalog reads it.
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: immich
  description: "Photos and videos, self-hosted."
  annotations:
    # How the homelab backend and the Kubernetes plugin find its workloads
    # and Flux objects: label them backstage.io/kubernetes-id=immich.
    backstage.io/kubernetes-id: immich
    backstage.io/kubernetes-namespace: immich
spec:
  type: service
  lifecycle: production
  owner: group:default/homelab-admins
`);
    expect(messages(result, 'publish')).toContainEqual(
      'Performing dry run of creating pull request',
    );
    expect(messages(result, 'register')).toContainEqual(
      'Skipping because catalog:register does not support dry-run',
    );
    expect(result.body.output.links).toEqual([
      {
        title: 'Pull request',
        url: `${github.host}?owner=hallonen&repo=homelab-gitops`,
      },
    ]);
  });

  it('"Promote to production" asks the homelab backend for its gates and would move nextcloud 6.6.4 to production', async () => {
    const result = await dryRun('promote-release', {
      app: 'nextcloud',
      from: 'system:default/staging',
      to: 'system:default/production',
    });
    expect(result.body.error).toBeUndefined();
    expect(result.status).toBe(200);
    const summary: string = result.body.output.text[0].content;
    expect(summary).toContain(
      '| HelmRelease nextcloud chart version | `6.5.2` | `6.6.4` | `apps/production/nextcloud-values.yaml: spec.chart.spec.version` |',
    );
    expect(summary).toContain(
      '**fluxReady** (required): passed — HelmRelease flux-system/nextcloud in staging is Ready on 6.6.4',
    );
    expect(summary).toMatch(
      /\*\*criticalVulnerabilities\*\* \(required\): passed/,
    );
    expect(summary).toContain('-      version: 6.5.2\n+      version: 6.6.4');
    expect(messages(result, 'publish')).toContainEqual(
      'Performing dry run of creating pull request',
    );
    expect(messages(result, 'notify')).toContainEqual(
      'Skipping because notification:send does not support dry-run',
    );
  });

  it('"Promote to production" stops when staging moved since the preview', async () => {
    const result = await dryRun('promote-release', {
      app: 'nextcloud',
      from: 'system:default/staging',
      to: 'system:default/production',
      expectedVersion: '6.6.3',
    });
    expect(result.status).toBe(400);
    expect(result.body.error?.message).toContain(
      'staging now runs 6.6.4, not the 6.6.3 the preview showed; review the promotion again',
    );
  });

  it('"Promote to production" stops at a failed required gate: vaultwarden is not Ready in staging', async () => {
    const result = await dryRun('promote-release', {
      app: 'vaultwarden',
      from: 'system:default/staging',
      to: 'system:default/production',
    });
    expect(result.status).toBe(500);
    expect(result.body.error?.message).toContain(
      'Promotion of vaultwarden to production stopped by required gates: fluxReady failed: HelmRelease flux-system/vaultwarden in staging is not Ready (False)',
    );
  });

  it('"Promote to production" is refused to a user outside the operator groups', async () => {
    const result = await dryRun(
      'promote-release',
      {
        app: 'nextcloud',
        from: 'system:default/staging',
        to: 'system:default/production',
      },
      VISITOR,
    );
    expect(result.status).toBe(403);
    expect(result.body.error?.message).toContain(
      'not allowed to promote nextcloud to production (permission homelab.release.promote)',
    );
  });

  it('"Provision a node" validates the inventory change for a fourth RK1 in slot 4, taking its reserved address', async () => {
    const result = await dryRun('provision-node', {
      name: 'rk1-4',
      cluster: 'resource:default/production',
      roles: ['worker', 'storage'],
      network: 'resource:default/serverlan',
      address: '192.168.100.14',
      platform: 'turingPi',
      board: 'resource:default/turing-pi-2',
      slot: 4,
      power: 'on',
      installDisk: '/dev/nvme0n1',
    });
    expect(result.body.error).toBeUndefined();
    expect(result.status).toBe(200);
    expect(messages(result, 'provision')).toContainEqual(
      '192.168.100.14 was reserved for "RK1 module 4 in Turing Pi slot 4 (future worker + Longhorn)"; rk1-4 takes it and the reservation is removed',
    );
    expect(result.body.output.text[0].content).toContain(
      'talosctl machineconfig patch worker.yaml --patch @talos/production/rk1-4.patch.yaml',
    );
    // A dry run touches no machine and changes no file.
    expect(fileText(result, 'inventory/hardware.yaml')).toBe(
      fs.readFileSync(
        path.join(repoRoot, 'examples/homelab/hardware.yaml'),
        'utf8',
      ),
    );
  });

  it('"Provision a node" plans a k3s worker VM on the Proxmox server', async () => {
    const result = await dryRun('provision-node', {
      name: 'k3s-worker-1',
      cluster: 'resource:default/staging',
      roles: ['worker'],
      network: 'resource:default/serverlan',
      address: '192.168.100.41',
      platform: 'proxmox',
      proxmoxHost: 'resource:default/proxmox',
      templateVmid: 9000,
      cores: 4,
      memoryGB: 8,
      sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHomelab me@laptop'],
    });
    expect(result.body.error).toBeUndefined();
    expect(result.status).toBe(200);
    expect(messages(result, 'provision')[1]).toContain(
      '"proxmox": {\n    "host": "proxmox",\n    "templateVmid": 9000,',
    );
    expect(result.body.output.text[0].content).toContain(
      'Join configuration: `k3s/staging/k3s-worker-1.config.yaml`',
    );
  });

  it('"Provision a node" takes a machine that runs already, with no machine to reach', async () => {
    const result = await dryRun('provision-node', {
      name: 'rpi5-1',
      cluster: 'resource:default/staging',
      roles: ['worker'],
      network: 'resource:default/serverlan',
      address: '192.168.100.42',
      platform: 'existing',
      kind: 'sbc',
      architecture: 'arm64',
    });
    expect(result.body.error).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.body.output.text[0].content).toContain(
      'Join configuration: `k3s/staging/rpi5-1.config.yaml`',
    );
  });

  it('"Provision a node" refuses a node the inventory would not take, before any machine is reached', async () => {
    const result = await dryRun('provision-node', {
      name: 'rk1-5',
      cluster: 'resource:default/production',
      roles: ['worker'],
      network: 'resource:default/serverlan',
      address: '192.168.100.15',
      platform: 'turingPi',
      board: 'resource:default/turing-pi-2',
      slot: 1,
    });
    expect(result.status).toBe(400);
    expect(result.body.error?.message).toMatch(
      /slot 1 of "turing-pi-2" is already taken by "rk1-1"/,
    );
  });

  it('refuses values the form would not accept', async () => {
    const result = await dryRun('provision-node', {
      name: 'Not A Name',
      cluster: 'resource:default/production',
      roles: ['worker'],
      network: 'resource:default/serverlan',
      platform: 'turingPi',
      board: 'resource:default/turing-pi-2',
      slot: 4,
    });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body.errors)).toContain(
      'does not match pattern',
    );
  });
});
