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
    status: status('network'),
    vlan: z
      .number()
      .int()
      .min(1)
      .max(4094)
      .optional()
      .describe('802.1Q VLAN id (1-4094); leave out for an untagged network.'),
    cidr: z
      .union([cidr, z.literal(UNKNOWN)], {
        error: `must be a CIDR block such as 192.168.100.0/24, or "${UNKNOWN}"`,
      })
      .describe(
        'Address block of the network, like 192.168.100.0/24. "unknown": addresses, ranges and pools on the network are not checked against it.',
      ),
    gateway: ipAddress
      .optional()
      .describe(
        'Default gateway; a device address on this network may equal it. Must be a host address of the network.',
      ),
    dhcp: z
      .array(addressRange)
      .optional()
      .describe(
        'Address ranges handed out by DHCP; they hold host addresses only, never the network or broadcast address.',
      ),
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
              .describe(
                'What the addresses are kept for, like a future node or a control-plane virtual IP.',
              ),
          })
          .strict(),
      )
      .optional()
      .describe(
        'Addresses kept free for a stated purpose, like a future node or a virtual IP.',
      ),
    ssids: z
      .array(ssidSchema)
      .optional()
      .describe('Wireless networks bridged into it.'),
    internet: z
      .enum(['full', 'restricted', 'none'])
      .optional()
      .describe(
        'Internet access from this network; left out, the docs say it is not stated.',
      ),
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
    status: status('uplink'),
    type: z
      .enum([
        'fiber',
        'cable',
        'dsl',
        'lte',
        '5g',
        'satellite',
        'other',
        UNKNOWN,
      ])
      .describe('Kind of connection; "unknown" when it is not known.'),
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
