/**
 * The parts of NetBox's REST objects the inventory is built from, as NetBox
 * 4.x writes them (the OpenAPI schema NetBox serves at /api/schema/), with the
 * older shapes it still meets in the wild: choice values that were numbers
 * or booleans (NetBox 2.x), an IP address's `interface` before
 * `assigned_object` (2.9), a device's `device_role` before `role` (4.0), an
 * interface's `mac_address` before `primary_mac_address` (4.2), a prefix's
 * `site` before `scope` (4.2).
 */

/**
 * A related object in its brief form.
 *
 * @public
 */
export interface NetboxRef {
  /** Primary key. */
  id: number;
  /** The object's API URL. */
  url?: string;
  /** How NetBox names it in its UI. */
  display?: string;
  /** Its name. */
  name?: string;
  /** Its URL-safe name. */
  slug?: string;
}

/**
 * A choice field: `{ value, label }`.
 *
 * @public
 */
export interface NetboxChoice {
  /** The stored value. */
  value: string | number | boolean | null;
  /** The value as NetBox shows it. */
  label?: string;
}

/**
 * Fields every NetBox object has.
 *
 * @public
 */
export interface NetboxObject {
  /** Primary key. */
  id: number;
  /** The object's API URL. */
  url?: string;
  /** The object's page in NetBox's UI (NetBox 4.x). */
  display_url?: string;
  /** How NetBox names it in its UI. */
  display?: string;
  /** Free text. */
  description?: string;
  /** Tags, by name and slug. */
  tags?: Array<{ name?: string; slug?: string }>;
}

/**
 * A DCIM device.
 *
 * @public
 */
export interface NetboxDevice extends NetboxObject {
  /** Its name; devices may have none. */
  name: string | null;
  /** Make and model. */
  device_type?: {
    manufacturer?: NetboxRef;
    model?: string;
  } & Partial<NetboxRef>;
  /** What the object is for. */
  role?: NetboxRef | null;
  /** What the device is for, before NetBox 4.0. */
  device_role?: NetboxRef | null;
  /** Operating system or firmware. */
  platform?: NetboxRef | null;
  /** The site it belongs to. */
  site?: NetboxRef | null;
  /** The rack it is mounted in. */
  rack?: NetboxRef | null;
  /** Lowest rack unit it occupies. */
  position?: number | null;
  /** Lifecycle status. */
  status?: NetboxChoice | null;
  /** Serial number. */
  serial?: string;
  /** Out-of-band management address. */
  oob_ip?: (NetboxRef & { address?: string }) | null;
}

/**
 * A DCIM interface.
 *
 * @public
 */
export interface NetboxInterface extends NetboxObject {
  /** The device it belongs to. */
  device: NetboxRef;
  /** Its name. */
  name: string;
  /** Hardware address, before NetBox 4.2 (a read-only copy of the primary one since). */
  mac_address?: string | null;
  /** Hardware address (NetBox 4.2+). */
  primary_mac_address?: { mac_address?: string } | null;
  /** Link speed in kbit/s. */
  speed?: number | null;
  /** Whether it is a management-only interface. */
  mgmt_only?: boolean;
  /** What the interface's cable ends on (NetBox 3.3+). */
  link_peers?: Array<{ device?: NetboxRef; name?: string }>;
  /** The type of those ends, like dcim.interface. */
  link_peers_type?: string | null;
}

/**
 * An IPAM IP address.
 *
 * @public
 */
export interface NetboxIpAddress extends NetboxObject {
  /** Address with its mask length, like 192.168.1.10/24. */
  address: string;
  /** Lifecycle status. */
  status?: NetboxChoice | null;
  /** vip, vrrp, anycast, loopback...: why the address exists. */
  role?: NetboxChoice | null;
  /** The type of what holds it, like dcim.interface. */
  assigned_object_type?: string | null;
  /** What holds it (NetBox 2.9+). */
  assigned_object?: { id?: number; name?: string; device?: NetboxRef } | null;
  /** NetBox before 2.9: the interface the address is on. */
  interface?: { id?: number; name?: string; device?: NetboxRef } | null;
}

/**
 * An IPAM prefix.
 *
 * @public
 */
export interface NetboxPrefix extends NetboxObject {
  /** The block, like 10.0.10.0/24. */
  prefix: string;
  /** Lifecycle status. */
  status?: NetboxChoice | null;
  /** The VLAN it is carried on. */
  vlan?: (NetboxRef & { vid?: number }) | null;
  /** The type of its scope, like dcim.site (NetBox 4.2+). */
  scope_type?: string | null;
  /** Where it is used (NetBox 4.2+). */
  scope?: NetboxRef | null;
  /** The site it belongs to. */
  site?: NetboxRef | null;
  /** What the object is for. */
  role?: NetboxRef | null;
}

/**
 * An IPAM IP range.
 *
 * @public
 */
export interface NetboxIpRange extends NetboxObject {
  /** First address, with mask. */
  start_address: string;
  /** Last address, with mask. */
  end_address: string;
  /** Lifecycle status. */
  status?: NetboxChoice | null;
  /** What the object is for. */
  role?: NetboxRef | null;
}

/**
 * An IPAM VLAN.
 *
 * @public
 */
export interface NetboxVlan extends NetboxObject {
  /** VLAN id. */
  vid: number;
  /** Its name. */
  name: string;
  /** The site it belongs to. */
  site?: NetboxRef | null;
  /** Lifecycle status. */
  status?: NetboxChoice | null;
}

/**
 * Everything read from one NetBox.
 *
 * @public
 */
export interface NetboxSnapshot {
  /** DCIM devices. */
  devices: NetboxDevice[];
  /** DCIM interfaces. */
  interfaces: NetboxInterface[];
  /** IPAM IP addresses. */
  ipAddresses: NetboxIpAddress[];
  /** IPAM prefixes. */
  prefixes: NetboxPrefix[];
  /** IPAM IP ranges. */
  ipRanges: NetboxIpRange[];
  /** IPAM VLANs. */
  vlans: NetboxVlan[];
}
