const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/**
 * A Kubernetes memory quantity as people read it: "32597628Ki" reads
 * "31.1 GiB", a storage's bytes past 1 TiB read in TiB. Anything it cannot
 * read is returned as it is.
 */
export function memoryQuantityText(quantity: string): string {
  const match = /^(\d+(?:\.\d+)?)([KMGT]i|[kMGT])?$/.exec(quantity.trim());
  if (!match) return quantity;
  const unit = match[2];
  const bytes = Number(match[1]) * (unit ? BINARY[unit] ?? DECIMAL[unit] : 1);
  const gib = bytes / 2 ** 30;
  if (gib >= 1024) return `${Number((gib / 1024).toFixed(1))} TiB`;
  if (gib >= 1) return `${Number(gib.toFixed(1))} GiB`;
  return `${Number((bytes / 2 ** 20).toFixed(0))} MiB`;
}

/** CPU as Kubernetes counts it: "4" reads "4 cores", "500m" reads "0.5 cores". */
export function cpuQuantityText(quantity: string): string {
  const match = /^(\d+(?:\.\d+)?)(m)?$/.exec(quantity.trim());
  if (!match) return quantity;
  const cores = Number(match[1]) / (match[2] ? 1000 : 1);
  return `${Number(cores.toFixed(2))} ${cores === 1 ? 'core' : 'cores'}`;
}
