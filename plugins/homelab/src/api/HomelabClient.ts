import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  FluxObjectRef,
  HomelabApiClient,
} from '@homelab/plugin-homelab-common';
import { HomelabApi } from './HomelabApi';

/**
 * The {@link HomelabApi} over HTTP, with the signed-in user's credentials:
 * homelab-common's HomelabApiClient, its answers unwrapped where the pages
 * want only part of them.
 *
 * @public
 */
export class HomelabClient implements HomelabApi {
  private readonly client: HomelabApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new HomelabApiClient(options);
  }

  /** {@inheritDoc HomelabApi.getFreshness} */
  async getFreshness() {
    return (await this.client.getFreshness()).sources;
  }

  /** {@inheritDoc HomelabApi.getTopology} */
  getTopology: HomelabApi['getTopology'] = query =>
    this.client.getTopology(query);

  /** {@inheritDoc HomelabApi.getPostureSummaries} */
  getPostureSummaries: HomelabApi['getPostureSummaries'] = query =>
    this.client.getPostureSummaries(query);

  /** {@inheritDoc HomelabApi.getPostureFindings} */
  getPostureFindings: HomelabApi['getPostureFindings'] = query =>
    this.client.getPostureFindings(query);

  /** {@inheritDoc HomelabApi.getPostureTrend} */
  getPostureTrend: HomelabApi['getPostureTrend'] = query =>
    this.client.getPostureTrend(query);

  /** {@inheritDoc HomelabApi.getSlos} */
  getSlos: HomelabApi['getSlos'] = query => this.client.getSlos(query);

  /** {@inheritDoc HomelabApi.getSlo} */
  getSlo: HomelabApi['getSlo'] = id => this.client.getSlo(id);

  /** {@inheritDoc HomelabApi.getFluxObjects} */
  getFluxObjects: HomelabApi['getFluxObjects'] = query =>
    this.client.getFluxObjects(query);

  /** {@inheritDoc HomelabApi.reconcileFluxObject} */
  reconcileFluxObject = async (ref: FluxObjectRef) =>
    (await this.client.reconcileFluxObject(ref)).object;

  /** {@inheritDoc HomelabApi.suspendFluxObject} */
  suspendFluxObject = async (ref: FluxObjectRef) =>
    (await this.client.suspendFluxObject(ref)).object;

  /** {@inheritDoc HomelabApi.resumeFluxObject} */
  resumeFluxObject = async (ref: FluxObjectRef) =>
    (await this.client.resumeFluxObject(ref)).object;

  /** {@inheritDoc HomelabApi.getBlastRadius} */
  getBlastRadius: HomelabApi['getBlastRadius'] = query =>
    this.client.getBlastRadius(query);

  /** {@inheritDoc HomelabApi.getDrift} */
  getDrift: HomelabApi['getDrift'] = query => this.client.getDrift(query);

  /** {@inheritDoc HomelabApi.getPower} */
  getPower: HomelabApi['getPower'] = () => this.client.getPower();

  /** {@inheritDoc HomelabApi.getCapacity} */
  getCapacity: HomelabApi['getCapacity'] = () => this.client.getCapacity();

  /** {@inheritDoc HomelabApi.getBackups} */
  getBackups: HomelabApi['getBackups'] = query => this.client.getBackups(query);

  /** {@inheritDoc HomelabApi.getCertificates} */
  getCertificates: HomelabApi['getCertificates'] = query =>
    this.client.getCertificates(query);

  /** {@inheritDoc HomelabApi.previewPromotion} */
  previewPromotion: HomelabApi['previewPromotion'] = request =>
    this.client.previewPromotion(request);
}
