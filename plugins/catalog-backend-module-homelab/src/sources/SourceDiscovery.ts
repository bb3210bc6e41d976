/**
 * What a refresh knows of one live source (a Proxmox VE server, a NetBox).
 * ok: read on this run; failed: this run's read failed, and what it holds is
 * from the last successful read (stale from lastSuccessAt), or nothing if it
 * never succeeded.
 *
 * @public
 */
export interface SourceDiscovery {
  /** The source, as homelab.inventory.proxmox or .netbox names it. */
  source: string;
  /** Where it was read, as a Backstage location: `url:` and the API, or `file:` and the recorded answers. */
  location: string;
  /** ok: read on this run; failed: this run's read failed. */
  state: 'ok' | 'failed';
  /** When this run read (or tried to read) the source. */
  checkedAt: string;
  /** When the source was last read successfully. */
  lastSuccessAt?: string;
  /** Why this run's read failed. */
  error?: string;
}
