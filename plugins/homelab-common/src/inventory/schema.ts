import { z } from 'zod';

/**
 * The homelab inventory file format, version homelab.dev/v1alpha1.
 *
 * An inventory is one YAML file or a folder of them. Every file declares the
 * apiVersion and kind and any subset of the sections below; the sections of all
 * files are concatenated, and `site` must appear in exactly one file. This
 * schema checks the shape of each file; rules that span items (references,
 * address plans, uniqueness) live in the validator of
 * `@homelab/plugin-homelab-node`.
 *
 * @public
 */
export const INVENTORY_API_VERSION = 'homelab.dev/v1alpha1';
/**
 * The `kind` every inventory file declares.
 *
 * @public
 */
export const INVENTORY_KIND = 'Inventory';

/**
 * Lower-case names that are also valid Backstage entity names.
 *
 * @public
 */
export const inventoryName = z
  .string()
  .max(63, { error: 'must be at most 63 characters' })
  .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, {
    error:
      'must be lower-case letters, digits and single -, _ or . between them (like "rk1-node-1"), to be usable as a catalog entity name',
  });

const reference = (what: string) =>
  inventoryName.describe(`The name of ${what} defined in this inventory.`);

/**
 * An IPv4 or IPv6 address.
 *
 * @public
 */
export const ipAddress = z.union([z.ipv4(), z.ipv6()], {
  error: 'must be an IP address such as 192.168.100.11',
});

/**
 * An IPv4 or IPv6 CIDR block.
 *
 * @public
 */
export const cidr = z.union([z.cidrv4(), z.cidrv6()], {
  error: 'must be a CIDR block such as 192.168.100.0/24',
});

/**
 * A first and last address, both included.
 *
 * @public
 */
export const addressRange = z
  .object({
    start: ipAddress.describe('First address of the range.'),
    end: ipAddress.describe('Last address of the range (included).'),
  })
  .strict();

const owner = z
  .string()
  .min(1)
  .describe(
    'Catalog owner reference such as "group:homelab-admins"; defaults to the site owner.',
  );

const tags = z
  .array(
    z.string().regex(/^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$/, {
      error: 'tags are lower-case words joined by "-", like "arm64" or "poe"',
    }),
  )
  .describe('Catalog tags.');

const description = z.string().describe('Free text shown in the catalog.');
const title = z.string().min(1).describe('Display name; defaults to the name.');

/**
 * Schema of the `site` section.
 *
 * @public
 */
export const siteSchema = z
  .object({
    name: inventoryName.describe(
      'Name of the site; becomes the catalog Domain of everything in it.',
    ),
    title: title.optional(),
    description: description.optional(),
    owner: owner.describe(
      'Default catalog owner of every entity of this site, such as "group:homelab-admins".',
    ),
    location: z.string().optional().describe('Where the site is, in words.'),
    timezone: z
      .string()
      .optional()
      .describe('IANA time zone, like "Europe/Stockholm".'),
  })
  .strict()
  .describe('The homelab site. Exactly one file of an inventory defines it.');

/**
 * Schema of an item of `environments`.
 *
 * @public
 */
export const environmentSchema = z
  .object({
    name: inventoryName.describe(
      'Name of the environment, like "staging"; becomes a catalog System.',
    ),
    title: title.optional(),
    description: description.optional(),
    promotesTo: reference('the environment releases are promoted to next')
      .optional()
      .describe(
        'The environment releases go to after this one, like staging -> production.',
      ),
    updates: z
      .enum(['automatic', 'manual'])
      .optional()
      .describe(
        'How new versions reach this environment: automatically (for example Flux image automation) or by manual promotion.',
      ),
    domain: z
      .string()
      .optional()
      .describe(
        'DNS names served by this environment, like "*.staging.example.com".',
      ),
    owner: owner.optional(),
  })
  .strict();

/**
 * Schema of a wireless network bridged into a network.
 *
 * @public
 */
export const ssidSchema = z
  .object({
    name: z.string().min(1).describe('The SSID as broadcast.'),
    security: z
      .enum([
        'open',
        'wpa2',
        'wpa3',
        'wpa2-wpa3',
        'wpa2-enterprise',
        'wpa3-enterprise',
      ])
      .optional()
      .describe('Wireless security mode.'),
    purpose: z.string().optional().describe('Who or what joins this SSID.'),
    access: z
      .string()
      .optional()
      .describe(
        'Access policy in words, like "WPA3, trusted users" or "internet only".',
      ),
  })
  .strict();

/**
 * Schema of an item of `networks`.
 *
 * @public
 */
export const networkSchema = z
  .object({
    name: inventoryName.describe('Name of the network, like "serverlan".'),
    title: title.optional(),
    description: description.optional(),
    vlan: z
      .number()
      .int()
      .min(1)
      .max(4094)
      .optional()
      .describe('802.1Q VLAN id (1-4094); leave out for an untagged network.'),
    cidr: cidr.describe('Address block of the network, like 192.168.100.0/24.'),
    gateway: ipAddress
      .optional()
      .describe(
        'Default gateway; a device address on this network may equal it.',
      ),
    dhcp: z
      .array(addressRange)
      .optional()
      .describe('Address ranges handed out by DHCP.'),
    reserved: z
      .array(
        z
          .object({
            start: ipAddress.describe('First reserved address.'),
            end: ipAddress
              .optional()
              .describe('Last reserved address; leave out for one address.'),
            purpose: z
              .string()
              .min(1)
              .describe('What the addresses are kept for.'),
          })
          .strict(),
      )
      .optional()
      .describe(
        'Addresses kept free for a stated purpose, like a future node.',
      ),
    ssids: z
      .array(ssidSchema)
      .optional()
      .describe('Wireless networks bridged into it.'),
    internet: z
      .enum(['full', 'restricted', 'none'])
      .default('full')
      .describe('Internet access from this network.'),
    purpose: z.string().optional().describe('What the network is for.'),
    owner: owner.optional(),
    tags: tags.optional(),
  })
  .strict();

/**
 * Schema of an item of `wan`.
 *
 * @public
 */
export const wanLinkSchema = z
  .object({
    name: inventoryName.describe('Name of the uplink, like "fiber".'),
    title: title.optional(),
    description: description.optional(),
    type: z
      .enum(['fiber', 'cable', 'dsl', 'lte', '5g', 'satellite', 'other'])
      .describe('Kind of connection.'),
    role: z
      .enum(['primary', 'failover', 'load-balanced'])
      .describe('How the router uses this uplink.'),
    provider: z.string().optional().describe('Internet service provider.'),
    downlinkMbps: z
      .number()
      .positive()
      .optional()
      .describe('Download bandwidth in Mbit/s.'),
    uplinkMbps: z
      .number()
      .positive()
      .optional()
      .describe('Upload bandwidth in Mbit/s.'),
    router: reference('the router that terminates this uplink'),
    via: reference('the modem the uplink runs through')
      .optional()
      .describe('The modem device the uplink runs through, if any.'),
    owner: owner.optional(),
  })
  .strict();

/**
 * The kinds of device an inventory knows.
 *
 * @public
 */
export const deviceKinds = [
  'board',
  'compute-module',
  'sbc',
  'server',
  'nas',
  'switch',
  'router',
  'access-point',
  'modem',
  'ups',
  'workstation',
  'virtual-machine',
] as const;
/**
 * One of {@link deviceKinds}.
 *
 * @public
 */
export type DeviceKind = (typeof deviceKinds)[number];

/**
 * Schema of a network interface of a device.
 *
 * @public
 */
export const interfaceSchema = z
  .object({
    network: reference('the network this interface is attached to'),
    address: ipAddress
      .optional()
      .describe('Static address; leave out when the address comes from DHCP.'),
    name: z.string().optional().describe('Interface name, like "eth0".'),
    mac: z
      .string()
      .regex(/^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}$/, {
        error: 'must be a MAC address like 00:1a:2b:3c:4d:5e',
      })
      .optional()
      .describe('Hardware address.'),
    speedGbps: z
      .number()
      .positive()
      .optional()
      .describe('Link speed in Gbit/s.'),
  })
  .strict();

/**
 * Schema of a disk (or a set of identical disks).
 *
 * @public
 */
export const diskSchema = z
  .object({
    type: z
      .enum(['nvme', 'ssd', 'hdd', 'sd', 'emmc', 'usb-ssd', 'usb-hdd'])
      .describe('Kind of disk.'),
    sizeGB: z
      .number()
      .positive()
      .optional()
      .describe(
        'Capacity of one disk in GB (1 TB = 1000 GB); leave out when unknown.',
      ),
    count: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe('Number of identical disks.'),
    role: z
      .enum(['os', 'data', 'cache', 'pool'])
      .optional()
      .describe('What the disks are used for.'),
    description: z.string().optional(),
  })
  .strict();

/**
 * Schema of an item of `devices`.
 *
 * @public
 */
export const deviceSchema = z
  .object({
    name: inventoryName.describe('Name of the device, like "rk1-1".'),
    title: title.optional(),
    description: description.optional(),
    kind: z.enum(deviceKinds).describe('What sort of device this is.'),
    vendor: z.string().optional().describe('Manufacturer.'),
    model: z.string().optional().describe('Model name.'),
    status: z
      .enum(['active', 'planned', 'spare', 'retired'])
      .default('active')
      .describe('Whether the device is in service.'),
    architecture: z
      .enum(['arm64', 'amd64', 'armv7', 'riscv64'])
      .optional()
      .describe('CPU architecture, as Kubernetes names it.'),
    cpu: z
      .object({
        model: z.string().optional().describe('CPU model.'),
        cores: z.number().int().positive().describe('Physical cores.'),
        threads: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('Hardware threads.'),
        clockGHz: z
          .number()
          .positive()
          .optional()
          .describe('Maximum clock in GHz.'),
      })
      .strict()
      .optional(),
    memoryGB: z
      .number()
      .positive()
      .optional()
      .describe('Installed memory in GB.'),
    memoryType: z
      .string()
      .optional()
      .describe('Memory technology, like "LPDDR4X".'),
    accelerators: z
      .array(
        z
          .object({
            type: z
              .enum(['npu', 'gpu', 'tpu'])
              .describe('Kind of accelerator.'),
            model: z.string().optional(),
            tops: z
              .number()
              .positive()
              .optional()
              .describe('Trillion operations per second.'),
            count: z.number().int().positive().default(1),
          })
          .strict(),
      )
      .optional()
      .describe('AI and graphics accelerators.'),
    disks: z.array(diskSchema).optional(),
    power: z
      .object({
        typicalW: z
          .number()
          .positive()
          .optional()
          .describe('Typical draw in watts.'),
        maxW: z.number().positive().optional().describe('Peak draw in watts.'),
      })
      .strict()
      .optional()
      .describe('Power draw.'),
    os: z
      .object({
        name: z
          .string()
          .min(1)
          .describe('Operating system, like "Talos Linux".'),
        version: z.string().optional(),
      })
      .strict()
      .optional(),
    management: z
      .object({
        address: ipAddress.describe('Address of the management interface.'),
        protocol: z
          .enum(['bmc', 'ipmi', 'redfish', 'web', 'ssh', 'api'])
          .optional()
          .describe('How the device is managed.'),
        url: z
          .url()
          .optional()
          .describe('Management web page, shown as a link.'),
      })
      .strict()
      .optional()
      .describe('Out-of-band or management access.'),
    interfaces: z
      .array(interfaceSchema)
      .optional()
      .describe(
        'Network interfaces: the networks the device is on, and its addresses.',
      ),
    links: z
      .array(
        z
          .object({
            device: reference('the device at the other end of the cable'),
            port: z.string().optional().describe('Port on that device.'),
            speedGbps: z
              .number()
              .positive()
              .optional()
              .describe('Link speed in Gbit/s.'),
          })
          .strict(),
      )
      .optional()
      .describe('Physical cables to other devices, such as the switch port.'),
    slots: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('For boards: the number of module slots.'),
    slot: z
      .object({
        board: reference('the board this module sits in'),
        number: z
          .number()
          .int()
          .positive()
          .describe('Slot number, counting from 1.'),
      })
      .strict()
      .optional()
      .describe('For compute modules: the board slot they sit in.'),
    host: reference('the server this virtual machine runs on')
      .optional()
      .describe('For virtual machines: the host they run on.'),
    vmid: z
      .number()
      .int()
      .min(100)
      .optional()
      .describe('For Proxmox virtual machines: the VM id.'),
    ports: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('For switches: number of ports.'),
    environment: reference('the environment this device serves')
      .optional()
      .describe(
        'The environment the device belongs to; devices that run a cluster node inherit its environment.',
      ),
    owner: owner.optional(),
    tags: tags.optional(),
  })
  .strict();

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
    type: z
      .enum(['metallb', 'cilium', 'kube-vip', 'other'])
      .describe(
        'The load-balancer implementation that hands out these addresses.',
      ),
    mode: z.enum(['l2', 'bgp']).optional().describe('Advertisement mode.'),
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
    category: z
      .enum(platformServiceCategories)
      .describe('What the service provides.'),
    namespace: z.string().min(1).optional().describe('Namespace it runs in.'),
    chart: z.string().optional().describe('Helm chart it is installed from.'),
    version: z.string().optional().describe('Installed version.'),
    owner: owner.optional(),
  })
  .strict();

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
      .enum(['talos', 'k3s', 'k0s', 'kubeadm', 'rke2', 'microk8s', 'other'])
      .describe('Kubernetes distribution.'),
    version: z
      .string()
      .regex(/^v?\d+\.\d+(?:\.\d+)?$/, {
        error: 'must be a version like v1.31.4',
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
    apiServer: z
      .object({
        url: z
          .url({
            protocol: /^https?$/,
            error: 'must be an http(s) URL like https://192.168.100.11:6443',
          })
          .describe('Kubernetes API server URL.'),
        caData: z
          .string()
          .regex(/^[A-Za-z0-9+/=\s]+$/, { error: 'must be base64-encoded PEM' })
          .optional()
          .describe('Base64 PEM of the cluster CA (public, not a secret).'),
        authProvider: z
          .string()
          .default('oidc')
          .describe(
            'Auth provider for the Backstage Kubernetes plugin; the catalog cluster locator refuses serviceAccount.',
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
    nodes: z
      .array(clusterNodeSchema)
      .min(1, { error: 'a cluster needs at least one node' }),
    loadBalancerPools: z.array(loadBalancerPoolSchema).optional(),
    platformServices: z.array(platformServiceSchema).optional(),
    owner: owner.optional(),
    tags: tags.optional(),
  })
  .strict();

/**
 * The kinds of storage an inventory knows.
 *
 * @public
 */
export const storageKinds = [
  'zfs-pool',
  'longhorn',
  'nfs',
  'smb',
  's3',
  'database',
  'local-path',
] as const;

/**
 * Schema of an item of `storage`.
 *
 * @public
 */
export const storageSchema = z
  .object({
    name: inventoryName.describe('Name of the storage, like "longhorn-fast".'),
    title: title.optional(),
    description: description.optional(),
    kind: z.enum(storageKinds).describe('What sort of storage this is.'),
    device: reference('the device that serves this storage')
      .optional()
      .describe('The device that serves it (ZFS pools, NFS, S3, databases).'),
    cluster: reference('the cluster that provides this storage class')
      .optional()
      .describe(
        'The cluster whose storage class this is (Longhorn, local-path).',
      ),
    backedBy: reference('the storage this one is built on')
      .optional()
      .describe(
        'The storage this one lives on, like an NFS share on a ZFS pool.',
      ),
    disks: diskSchema.optional().describe('For pools: the member disks.'),
    layout: z
      .string()
      .optional()
      .describe('For pools: redundancy layout, like "raidz1".'),
    usableTB: z
      .number()
      .positive()
      .optional()
      .describe('Usable capacity in TB.'),
    replicas: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('For Longhorn: number of replicas of each volume.'),
    defaultClass: z
      .boolean()
      .optional()
      .describe('For storage classes: whether it is the default class.'),
    useCase: z.string().optional().describe('What it is used for.'),
    performance: z
      .string()
      .optional()
      .describe('Performance profile, in words.'),
    endpoint: z
      .url()
      .optional()
      .describe('For S3 and databases: where clients connect.'),
    path: z.string().optional().describe('For NFS and SMB: the exported path.'),
    engine: z
      .string()
      .optional()
      .describe('For databases: the engine, like "mariadb".'),
    owner: owner.optional(),
    tags: tags.optional(),
  })
  .strict();

/**
 * Schema of one inventory file.
 *
 * @public
 */
export const inventoryFileSchema = z
  .object({
    apiVersion: z.literal(INVENTORY_API_VERSION, {
      error: `must be "${INVENTORY_API_VERSION}"`,
    }),
    kind: z.literal(INVENTORY_KIND, { error: `must be "${INVENTORY_KIND}"` }),
    site: siteSchema.optional(),
    environments: z.array(environmentSchema).optional(),
    networks: z.array(networkSchema).optional(),
    wan: z.array(wanLinkSchema).optional().describe('Internet uplinks.'),
    devices: z.array(deviceSchema).optional(),
    clusters: z.array(clusterSchema).optional(),
    storage: z.array(storageSchema).optional(),
  })
  .strict()
  .describe(
    'One file of a homelab inventory. Sections from all files of an inventory are combined.',
  );

/**
 * One parsed inventory file.
 *
 * @public
 */
export type InventoryFile = z.output<typeof inventoryFileSchema>;
/**
 * The homelab site.
 *
 * @public
 */
export type Site = z.output<typeof siteSchema>;
/**
 * An environment, like staging or production.
 *
 * @public
 */
export type Environment = z.output<typeof environmentSchema>;
/**
 * A network, usually a VLAN.
 *
 * @public
 */
export type Network = z.output<typeof networkSchema>;
/**
 * An internet uplink.
 *
 * @public
 */
export type WanLink = z.output<typeof wanLinkSchema>;
/**
 * A device: hardware, or a virtual machine.
 *
 * @public
 */
export type Device = z.output<typeof deviceSchema>;
/**
 * A network interface of a device.
 *
 * @public
 */
export type NetworkInterface = z.output<typeof interfaceSchema>;
/**
 * A disk, or a set of identical disks.
 *
 * @public
 */
export type Disk = z.output<typeof diskSchema>;
/**
 * A Kubernetes cluster.
 *
 * @public
 */
export type Cluster = z.output<typeof clusterSchema>;
/**
 * A node of a Kubernetes cluster.
 *
 * @public
 */
export type ClusterNode = z.output<typeof clusterNodeSchema>;
/**
 * One of {@link nodeRoles}.
 *
 * @public
 */
export type NodeRole = (typeof nodeRoles)[number];
/**
 * A load-balancer address pool of a cluster.
 *
 * @public
 */
export type LoadBalancerPool = z.output<typeof loadBalancerPoolSchema>;
/**
 * A platform service running in a cluster.
 *
 * @public
 */
export type PlatformService = z.output<typeof platformServiceSchema>;
/**
 * A storage pool, class, share, bucket or database.
 *
 * @public
 */
export type Storage = z.output<typeof storageSchema>;
/**
 * One of {@link storageKinds}.
 *
 * @public
 */
export type StorageKind = (typeof storageKinds)[number];
/**
 * A first and last address, both included.
 *
 * @public
 */
export type AddressRange = z.output<typeof addressRange>;

/**
 * A whole inventory: the sections of all its files combined.
 *
 * @public
 */
export interface Inventory {
  /** The site, from the one file that defines it. */
  site: Site;
  /** Environments of all files. */
  environments: Environment[];
  /** Networks of all files. */
  networks: Network[];
  /** Internet uplinks of all files. */
  wan: WanLink[];
  /** Devices of all files. */
  devices: Device[];
  /** Clusters of all files. */
  clusters: Cluster[];
  /** Storage of all files. */
  storage: Storage[];
}
