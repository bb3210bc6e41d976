/** "2026-11-22 10:41 UTC": absolute, so a stale time reads the same to everyone. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
