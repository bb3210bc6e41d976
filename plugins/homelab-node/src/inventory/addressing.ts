import ipaddr from 'ipaddr.js';

/**
 * IP arithmetic for the address-plan rules, on top of ipaddr.js: addresses
 * become integers (BigInt, so IPv6 works too) and ranges become inclusive
 * integer intervals that can be compared and sorted.
 */

export type IpFamily = 'ipv4' | 'ipv6';

export interface IpInterval {
  family: IpFamily;
  first: bigint;
  last: bigint;
}

function familyOf(address: string): IpFamily {
  return ipaddr.parse(address).kind();
}

export function toInteger(address: string): bigint {
  const bytes = ipaddr.parse(address).toByteArray();
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

function fromInteger(value: bigint, family: IpFamily): string {
  const length = family === 'ipv4' ? 4 : 16;
  const bytes: number[] = [];
  let rest = value;
  for (let i = 0; i < length; i++) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

export function cidrInterval(cidr: string): IpInterval {
  const [address, prefix] = ipaddr.parseCIDR(cidr);
  const family = address.kind();
  const bits = family === 'ipv4' ? 32 : 128;
  const hostBits = BigInt(bits - prefix);
  const first = (toInteger(address.toString()) >> hostBits) << hostBits;
  return { family, first, last: first + (1n << hostBits) - 1n };
}

/** The network address of a CIDR, like 192.168.100.0 for 192.168.100.7/24. */
export function networkAddressOf(cidr: string): string {
  const interval = cidrInterval(cidr);
  return fromInteger(interval.first, interval.family);
}

export function rangeInterval(start: string, end: string): IpInterval {
  return {
    family: familyOf(start),
    first: toInteger(start),
    last: toInteger(end),
  };
}

export function addressInterval(address: string): IpInterval {
  const value = toInteger(address);
  return { family: familyOf(address), first: value, last: value };
}

export function contains(outer: IpInterval, inner: IpInterval): boolean {
  return (
    outer.family === inner.family &&
    outer.first <= inner.first &&
    inner.last <= outer.last
  );
}

export function overlaps(a: IpInterval, b: IpInterval): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

function intervalSize(interval: IpInterval): bigint {
  return interval.last - interval.first + 1n;
}

/**
 * Number of addresses from start to end, both included.
 *
 * @public
 */
export function addressRangeSize(start: string, end: string): number {
  return Number(intervalSize(rangeInterval(start, end)));
}

export function formatInterval({ family, first, last }: IpInterval): string {
  return first === last
    ? fromInteger(first, family)
    : `${fromInteger(first, family)}-${fromInteger(last, family)}`;
}

/**
 * Every pair of overlapping intervals among the given ones, found with a
 * sweep over the sorted list, so large address plans stay fast.
 */
export function findOverlaps<T extends { interval: IpInterval }>(
  items: T[],
): Array<[T, T]> {
  const sorted = [...items].sort((a, b) => {
    if (a.interval.family !== b.interval.family) {
      return a.interval.family < b.interval.family ? -1 : 1;
    }
    if (a.interval.first !== b.interval.first) {
      return a.interval.first < b.interval.first ? -1 : 1;
    }
    return 0;
  });
  const pairs: Array<[T, T]> = [];
  const open: T[] = [];
  for (const item of sorted) {
    for (let i = open.length - 1; i >= 0; i--) {
      const candidate = open[i];
      if (
        candidate.interval.family !== item.interval.family ||
        candidate.interval.last < item.interval.first
      ) {
        open.splice(i, 1);
      } else {
        pairs.push([candidate, item]);
      }
    }
    open.push(item);
  }
  return pairs;
}
