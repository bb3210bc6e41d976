/**
 * A DNS label (RFC 1123), what Kubernetes takes for a namespace or a node
 * name: lowercase letters, digits and inner dashes, at most 63 characters.
 */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
