import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kubeconfigCluster } from './kubeconfigCluster';

const CA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmhyTTNNdGMyVnkKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';

// As k3s writes /etc/rancher/k3s/k3s.yaml (cluster, context and user all
// named "default", the admin signing in with a client certificate); Talos'
// `talosctl kubeconfig` writes the same kind of user.
const K3S = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${CA}
    server: https://127.0.0.1:6443
  name: default
contexts:
- context:
    cluster: default
    user: default
  name: default
current-context: default
kind: Config
preferences: {}
users:
- name: default
  user:
    client-certificate-data: ${CA}
    client-key-data: ${CA}
`;

// A service account's kubeconfig as the Kubernetes docs build it for a
// read-only viewer, beside an OIDC user signing in through kubelogin's
// exec plugin (int128/kubelogin README) and a projected token file.
const SHARED = `apiVersion: v1
kind: Config
clusters:
- name: homelab
  cluster:
    server: https://192.168.10.20:6443
    certificate-authority-data: ${CA}
- name: lab
  cluster:
    server: https://10.0.0.5:6443
    insecure-skip-tls-verify: true
contexts:
- name: backstage@homelab
  context: {cluster: homelab, user: backstage, namespace: default}
- name: oidc@homelab
  context: {cluster: homelab, user: oidc}
- name: projected@lab
  context: {cluster: lab, user: projected}
current-context: oidc@homelab
users:
- name: backstage
  user:
    token: eyJhbGciOiJSUzI1NiIsImtpZCI6InJlYWRlciJ9.service-account
- name: oidc
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: kubectl
      args:
      - oidc-login
      - get-token
      - --oidc-issuer-url=https://auth.example.com
      - --oidc-client-id=kubernetes
      interactiveMode: IfAvailable
- name: projected
  user:
    tokenFile: /var/run/secrets/tokens/backstage
`;

describe('kubeconfigCluster', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("takes a context's server, CA and service account token", () => {
    expect(
      kubeconfigCluster(write('shared', SHARED), 'backstage@homelab'),
    ).toEqual({
      url: 'https://192.168.10.20:6443',
      caData: CA,
      caFile: undefined,
      skipTLSVerify: false,
      token: 'eyJhbGciOiJSUzI1NiIsImtpZCI6InJlYWRlciJ9.service-account',
    });
  });

  it("keeps kubectl's tokenFile as a file, read at each use", () => {
    expect(kubeconfigCluster(write('shared', SHARED), 'projected@lab')).toEqual(
      {
        url: 'https://10.0.0.5:6443',
        caData: undefined,
        caFile: undefined,
        skipTLSVerify: true,
        tokenFile: '/var/run/secrets/tokens/backstage',
      },
    );
  });

  it('says why a client certificate or an exec plugin cannot be used', () => {
    expect(kubeconfigCluster(write('k3s.yaml', K3S))).toEqual({
      unusable:
        'the user of its context "default" signs in with a client certificate; the Kubernetes plugin needs a service account token (homelab.clusters: url, caData and token or tokenFile)',
    });
    // Without a context named, the kubeconfig's current one.
    expect(kubeconfigCluster(write('shared', SHARED))).toEqual({
      unusable: expect.stringMatching(
        /^the user of its context "oidc@homelab" signs in with an exec plugin;/,
      ),
    });
  });

  it('names a missing context and an unreadable file instead of failing the backend', () => {
    expect(kubeconfigCluster(write('k3s.yaml', K3S), 'homelab')).toEqual({
      unusable: 'its kubeconfig has no context "homelab" (it has "default")',
    });
    expect(kubeconfigCluster(path.join(dir, 'absent'))).toEqual({
      unusable: expect.stringMatching(
        /^its kubeconfig .*absent cannot be read: ENOENT/,
      ),
    });
  });
});
