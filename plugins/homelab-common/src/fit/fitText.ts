/** Cores as people read them: 0.25 reads "0.25 cores", 1 "1 core". */
export const coresText = (cores: number) => {
  const rounded = Number(cores.toFixed(2));
  return `${rounded} ${rounded === 1 ? 'core' : 'cores'}`;
};

/** Bytes in GiB with one decimal, or MiB below 1 GiB. */
export const bytesText = (bytes: number) =>
  Math.abs(bytes) >= 2 ** 30
    ? `${(bytes / 2 ** 30).toFixed(1)} GiB`
    : `${Math.round(bytes / 2 ** 20)} MiB`;

/** Watts with at most one decimal. */
export const wattsText = (watts: number) => `${Number(watts.toFixed(1))} W`;
