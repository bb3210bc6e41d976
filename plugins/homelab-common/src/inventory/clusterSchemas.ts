import { z } from 'zod';
import {
  addressRange,
  cidr,
  description,
  inventoryName,
  ipAddress,
  owner,
  reference,
  status,
  tags,
  title,
  UNKNOWN,
} from './primitives';

/**
 * The roles a Kubernetes node can have.
 *
 * @public
 */
export const nodeRoles = ['control-plane', 'worker', 'storage'] as const;

/**
 * Schema of a node of a cluster.
 *
 * @public
 */
export const clusterNodeSchema = z
  .object({
    name: inventoryName.describe(
      'Kubernetes node name, as `kubectl get nodes` shows it.',
    ),
    device: reference('the device or virtual machine the node runs on'),
    roles: z
      .array(z.enum(nodeRoles))
      .min(1, { error: 'a node needs at least one role' })
      .describe(
        'control-plane runs the API server and etcd; storage holds Longhorn replicas.',
      ),
    podCidr: cidr
      .optional()
      .describe(
        "This node's share of the pod network (spec.podCIDR); inside the cluster's podCidr, apart from every other node's.",
      ),
  })
  .strict();

/**
 * Schema of a load-balancer address pool of a cluster.
 *
 * @public
 */
export const loadBalancerPoolSchema = z
  .object({
    name: inventoryName.describe(
      'Name of the address pool, like "production-pool".',
    ),
    title: title.optional(),
    description: description.optional(),
    status: status('pool'),
    type: z
      .enum(['metallb', 'cilium', 'kube-vip', 'other'])
      .describe(
        'The load-balancer implementation that hands out these addresses.',
      ),
    mode: z
      .enum(['l2', 'bgp'])
      .optional()
      .describe(
        'Advertisement mode; an l2 pool must be on a network the nodes of its cluster are attached to.',
      ),
    network: reference('the network the addresses belong to'),
    addresses: z
      .array(addressRange)
      .min(1)
      .describe('Address ranges of the pool.'),
  })
  .strict();

/**
 * What a platform service can provide.
 *
 * @public
 */
export const platformServiceCategories = [
  'gitops',
  'ingress',
  'load-balancer',
  'storage',
  'database',
  'certificates',
  'dns',
  'monitoring',
  'logging',
  'alerting',
  'security',
  'policy',
  'backup',
  'other',
] as const;

const port = z.number().int().min(1).max(65535);

/**
 * Schema of one way to reach a service: a URL, an address with ports, or both.
 *
 * @public
 */
export const endpointSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .optional()
      .describe('What this endpoint is, like "web" or "dashboard".'),
    url: z.url().optional().describe('URL people or clients use.'),
    exposure: z
      .enum([
        'ingress',
        'load-balancer',
        'node-port',
        'host-network',
        'cluster-ip',
        'tunnel',
      ])
      .optional()
      .describe(
        'How it is exposed: through the ingress, a load-balancer address, a NodePort, the host network, only inside the cluster, or a tunnel.',
      ),
    address: ipAddress
      .optional()
      .describe(
        'The address it answers on: for a load-balancer endpoint, its IP from a pool of the cluster.',
      ),
    ports: z
      .array(
        z
          .object({
            port: port.describe('Port number.'),
            protocol: z.enum(['tcp', 'udp']).optional(),
            name: z.string().optional(),
            nodePort: z
              .number()
              .int()
              .min(1)
              .max(65535)
              .optional()
              .describe('The NodePort, when it is exposed on every node.'),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/**
 * Schema of a platform service of a cluster.
 *
 * @public
 */
export const platformServiceSchema = z
  .object({
    name: inventoryName.describe('Name of the service, like "traefik".'),
    title: title.optional(),
    description: description.optional(),
    status: status('service'),
    category: z
      .enum(platformServiceCategories)
      .describe('What the service provides.'),
    namespace: z.string().min(1).optional().describe('Namespace it runs in.'),
    chart: z.string().optional().describe('Helm chart it is installed from.'),
    version: z.string().optional().describe('Installed version.'),
    endpoints: z
      .array(endpointSchema)
      .optional()
      .describe('Where it is reached: URLs, load-balancer IPs, ports.'),
    owner: owner.optional(),
  })
  .strict();

/**
 * The GitOps tools an inventory knows.
 *
 * @public
 */
export const gitopsTools = ['flux', 'argocd', 'none'] as const;

/**
 * Schema of how a cluster is reconciled from Git.
 *
 * @public
 */
export const gitopsSchema = z
  .object({
    tool: z
      .enum([...gitopsTools, UNKNOWN])
      .describe(
        'The GitOps tool that reconciles the cluster: flux, argocd, none (applied by hand or by other tools), or unknown.',
      ),
    repository: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The repository it reconciles from, like https://github.com/me/homelab.',
      ),
    branch: z.string().min(1).optional().describe('Branch or revision.'),
    path: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Folder of the repository for this cluster, like clusters/production.',
      ),
  })
  .strict();

/**
 * The Kubernetes distributions an inventory knows.
 *
 * @public
 */
export const distributions = [
  'talos',
  'k3s',
  'k0s',
  'kubeadm',
  'rke2',
  'microk8s',
  'other',
] as const;

/** A capacity target: a share of allocatable, in percent. */
const targetPercent = z
  .number()
  .gt(0, { error: 'must be a percentage above 0' })
  .max(100, { error: 'must be a percentage of at most 100' });

/**
 * Schema of an item of `clusters`.
 *
 * @public
 */
export const clusterSchema = z
  .object({
    name: inventoryName.describe(
      'Name of the cluster; the same name identifies it in homelab.clusters and the Kubernetes plugin.',
    ),
    title: title.optional(),
    description: description.optional(),
    environment: reference('the environment this cluster runs'),
    distribution: z
      .enum([...distributions, UNKNOWN])
      .describe(
        'Kubernetes distribution; "unknown" when not known (node provisioning then cannot write join configuration).',
      ),
    version: z
      .string()
      .regex(/^v?\d+\.\d+(?:\.\d+)?(?:[+-][\w.-]+)?$/, {
        error: 'must be a version like v1.31.4 or v1.30.4+k3s1',
      })
      .optional()
      .describe('Kubernetes version.'),
    os: z
      .object({
        name: z.string().min(1),
        version: z.string().optional(),
      })
      .strict()
      .optional()
      .describe('Operating system of the nodes.'),
    containerRuntime: z
      .enum(['containerd', 'cri-o', 'cri-dockerd', 'other'])
      .optional()
      .describe('Container runtime of the nodes.'),
    apiServer: z
      .object({
        url: z
          .url({
            protocol: /^https?$/,
            error: 'must be an http(s) URL like https://192.168.100.11:6443',
          })
          .describe(
            'Kubernetes API server URL. An IP in it must be held in the inventory: by a control-plane device, or reserved (a virtual IP).',
          ),
        caData: z
          .string()
          .regex(/^[A-Za-z0-9+/=\s]+$/, { error: 'must be base64-encoded PEM' })
          .optional()
          .describe('Base64 PEM of the cluster CA (public, not a secret).'),
        authProvider: z
          .string()
          .optional()
          .describe(
            'Only for a portal whose Kubernetes plugin finds clusters through the catalog (clusterLocatorMethods: catalog): the auth provider it configures for this cluster, like oidc; that locator refuses serviceAccount. Left out, the cluster entity claims none: with @homelab/plugin-kubernetes-backend-module-homelab the portal reaches the cluster through homelab.clusters and its service account token.',
          ),
        oidcTokenProvider: z
          .string()
          .optional()
          .describe(
            'Backstage sign-in provider whose token the oidc auth provider uses.',
          ),
        dashboardUrl: z
          .url()
          .optional()
          .describe('Cluster dashboard, shown as a link.'),
      })
      .strict()
      .optional(),
    cni: z
      .string()
      .min(1)
      .optional()
      .describe('Container network plugin, like "flannel".'),
    podCidr: cidr.optional().describe('Pod network.'),
    serviceCidr: cidr.optional().describe('Service network.'),
    domain: z
      .string()
      .optional()
      .describe('DNS names served by its ingress, like "*.apps.example.com".'),
    gitops: gitopsSchema
      .optional()
      .describe(
        'How the cluster is reconciled from Git; left out, the docs say it is not stated and draw no GitOps flow.',
      ),
    capacityTargets: z
      .object({
        cpuPercent: targetPercent.optional(),
        memoryPercent: targetPercent.optional(),
        storagePercent: targetPercent.optional(),
      })
      .strict()
      .optional()
      .describe(
        "The share of its nodes' allocatable CPU, memory and storage the cluster is designed to use, like 70, 80 and 75: the capacity view measures headroom and the trend to full against it. Left out, headroom is measured against all that is allocatable.",
      ),
    nodes: z
      .array(clusterNodeSchema)
      .min(1, { error: 'a cluster needs at least one node' }),
    loadBalancerPools: z.array(loadBalancerPoolSchema).optional(),
    platformServices: z.array(platformServiceSchema).optional(),
    owner: owner.optional(),
    tags: tags.optional(),
  })
  .strict();
