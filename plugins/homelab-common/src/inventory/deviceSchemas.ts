import { z } from 'zod';
import {
  amount,
  description,
  inventoryName,
  ipAddress,
  lifecycleStatuses,
  owner,
  reference,
  tags,
  title,
  UNKNOWN,
} from './primitives';
import { overcommitSchema } from './siteSchemas';

/**
 * The kinds of device an inventory knows.
 *
 * @public
 */
export const deviceKinds = [
  'board',
  'compute-module',
  'sbc',
  'mini-pc',
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
 * One of {@link deviceKinds}, or `unknown`.
 *
 * @public
 */
export type DeviceKind = (typeof deviceKinds)[number] | typeof UNKNOWN;

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
      .describe(
        'Static address; leave out when the address comes from DHCP or is not known.',
      ),
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
 * The media a disk can be.
 *
 * @public
 */
export const diskTypes = [
  'nvme',
  'ssd',
  'hdd',
  'sd',
  'emmc',
  'usb-ssd',
  'usb-hdd',
] as const;

/**
 * Schema of a disk (or a set of identical disks).
 *
 * @public
 */
export const diskSchema = z
  .object({
    type: z
      .enum([...diskTypes, UNKNOWN])
      .describe(
        'Kind of disk; "unknown" when it is not known (the docs then say "disk").',
      ),
    sizeGB: amount('GB')
      .optional()
      .describe(
        'Capacity of one disk in GB (1 TB = 1000 GB), or a planned range; leave out when unknown.',
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

const cpuSchema = z
  .object({
    model: z
      .string()
      .optional()
      .describe('CPU model; for a virtual machine, its CPU type.'),
    cores: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'Physical cores; a virtual machine states vcpus instead. Leave out when not known.',
      ),
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
    kind: z
      .enum([...deviceKinds, UNKNOWN])
      .describe(
        'What sort of device this is; "unknown" when it is not known (then no rule that depends on the kind checks it).',
      ),
    vendor: z.string().optional().describe('Manufacturer.'),
    model: z.string().optional().describe('Model name.'),
    status: z
      .enum([...lifecycleStatuses, 'spare'])
      .default('active')
      .describe(
        'Whether the device is in service (active), planned, optional, a spare or retired. Only active devices count in totals and capacity checks.',
      ),
    architecture: z
      .enum(['arm64', 'amd64', 'armv7', 'riscv64'])
      .optional()
      .describe('CPU architecture, as Kubernetes names it.'),
    cpu: cpuSchema.optional(),
    vcpus: amount('vCPUs', { integer: true })
      .optional()
      .describe(
        'For virtual machines: virtual CPUs (cores times sockets), or a planned range. Counted apart from physical cores.',
      ),
    memoryGB: amount('GB')
      .optional()
      .describe('Installed (or, for a VM, assigned) memory in GB, or a range.'),
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
        idleW: z
          .number()
          .positive()
          .optional()
          .describe(
            'Draw in watts when idle; with maxW, the power report estimates the draw from CPU use.',
          ),
        maxW: z.number().positive().optional().describe('Peak draw in watts.'),
        supplyW: z
          .number()
          .positive()
          .optional()
          .describe(
            "For boards and hosts: what the power supply delivers, in watts; the provision template checks the modules' draw against it.",
          ),
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
    overcommit: overcommitSchema
      .optional()
      .describe(
        "For VM hosts: how far this host's VMs may over-commit it, instead of the site's ratios.",
      ),
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
