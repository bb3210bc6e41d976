/**
 * The homelab backend plugin: collectors for workloads, Flux, security
 * posture and SLOs, and the homelab REST API.
 *
 * @packageDocumentation
 */

export { homelabPlugin as default } from './plugin';
