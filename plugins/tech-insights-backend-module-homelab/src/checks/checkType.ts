/** The type of the homelab checks, which their results carry. */
export const HOMELAB_CHECK_TYPE = 'homelab-scorecard';
