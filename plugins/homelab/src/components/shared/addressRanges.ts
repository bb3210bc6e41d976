/** An IPv4 address as a number; undefined for anything else (IPv6 is not counted). */
function ipv4Number(address: string): number | undefined {
  const parts = address.split('.').map(Number);
  if (
    parts.length !== 4 ||
    parts.some(p => !Number.isInteger(p) || p < 0 || p > 255)
  )
    return undefined;
  return parts.reduce((value, part) => value * 256 + part, 0);
}

/** How many addresses a range holds, both ends included; undefined where it cannot say. */
export function rangeSize(start: string, end?: string): number | undefined {
  const first = ipv4Number(start);
  const last = ipv4Number(end ?? start);
  return first === undefined || last === undefined || last < first
    ? undefined
    : last - first + 1;
}

/** The usable host addresses of an IPv4 CIDR block (network and broadcast left out from /30 up). */
export function hostCount(cidr: string): number | undefined {
  const [address, bits] = cidr.split('/');
  const length = Number(bits);
  if (ipv4Number(address) === undefined || !Number.isInteger(length))
    return undefined;
  const size = 2 ** (32 - length);
  return length >= 31 ? size : size - 2;
}

/** A range as people read it: "10.0.10.100–10.0.10.199 (100 addresses)". */
export function rangeText(start: string, end?: string): string {
  const size = rangeSize(start, end);
  const span = end && end !== start ? `${start}–${end}` : start;
  return size && size > 1 ? `${span} (${size} addresses)` : span;
}
