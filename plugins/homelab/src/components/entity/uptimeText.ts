/** Seconds of uptime as people read them: "23 d 0 h", or "5 h". */
export function uptimeText(seconds?: number): string | undefined {
  if (!seconds) return undefined;
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  return days ? `${days} d ${hours} h` : `${hours} h`;
}
