/**
 * Shared model of the homelab plugins: the inventory file format, the way
 * inventory items appear as Backstage catalog entities, and the client of
 * homelab-backend's API.
 *
 * @packageDocumentation
 */

export * from './inventory/schema';
export { inventoryJsonSchema } from './inventory/jsonSchema';
export * from './entities/model';
export * from './entities/specs';
export * from './entities/homelabSpecAccess';
export * from './permissions';
export * from './api/types';
export * from './api/power';
export * from './api/capacity';
export * from './api/recovery';
export * from './api/blastRadius';
export * from './api/appEntities';
export * from './api/fluxKindActions';
export * from './api/requests';
export * from './api/HomelabApiClient';
export * from './format/hardwareText';
export * from './format/quantity';
export * from './fit/fitVerdict';
export * from './fit/appFit';
export * from './fit/vmFit';
export * from './fit/moduleFit';
