import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { FluxObject } from '@homelab/plugin-homelab-common';
import { FluxObjectRef, HomelabApi } from './HomelabApi';
import { Query, queryString } from './queryString';

/**
 * The {@link HomelabApi} over HTTP, with the signed-in user's credentials.
 *
 * @public
 */
export class HomelabClient implements HomelabApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  private async request<T>(
    path: string,
    query?: Query,
    init?: RequestInit,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('homelab');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}${queryString(query)}`,
      init,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }

  private async fluxAction(
    ref: FluxObjectRef,
    action: 'reconcile' | 'suspend' | 'resume',
  ): Promise<FluxObject> {
    const path = [ref.cluster, ref.kind, ref.namespace, ref.name]
      .map(encodeURIComponent)
      .join('/');
    const { object } = await this.request<{ object: FluxObject }>(
      `/flux/objects/${path}/${action}`,
      undefined,
      { method: 'POST' },
    );
    return object;
  }

  /** {@inheritDoc HomelabApi.getFreshness} */
  async getFreshness() {
    return (
      await this.request<{
        sources: Awaited<ReturnType<HomelabApi['getFreshness']>>;
      }>('/freshness')
    ).sources;
  }

  /** {@inheritDoc HomelabApi.getTopology} */
  getTopology: HomelabApi['getTopology'] = () => this.request('/topology');

  /** {@inheritDoc HomelabApi.getPostureSummaries} */
  getPostureSummaries: HomelabApi['getPostureSummaries'] = query =>
    this.request('/posture/summaries', { ...query });

  /** {@inheritDoc HomelabApi.getPostureFindings} */
  getPostureFindings: HomelabApi['getPostureFindings'] = query =>
    this.request('/posture/findings', { ...query });

  /** {@inheritDoc HomelabApi.getPostureTrend} */
  getPostureTrend: HomelabApi['getPostureTrend'] = query =>
    this.request('/posture/trend', { ...query });

  /** {@inheritDoc HomelabApi.getSlos} */
  getSlos: HomelabApi['getSlos'] = query => this.request('/slos', { ...query });

  /** {@inheritDoc HomelabApi.getSlo} */
  getSlo: HomelabApi['getSlo'] = id =>
    this.request(`/slos/${encodeURIComponent(id)}`);

  /** {@inheritDoc HomelabApi.getFluxObjects} */
  getFluxObjects: HomelabApi['getFluxObjects'] = query =>
    this.request('/flux/objects', { ...query });

  /** {@inheritDoc HomelabApi.reconcileFluxObject} */
  reconcileFluxObject = (ref: FluxObjectRef) =>
    this.fluxAction(ref, 'reconcile');

  /** {@inheritDoc HomelabApi.suspendFluxObject} */
  suspendFluxObject = (ref: FluxObjectRef) => this.fluxAction(ref, 'suspend');

  /** {@inheritDoc HomelabApi.resumeFluxObject} */
  resumeFluxObject = (ref: FluxObjectRef) => this.fluxAction(ref, 'resume');

  /** {@inheritDoc HomelabApi.getDrift} */
  getDrift: HomelabApi['getDrift'] = query =>
    this.request('/drift', { ...query });

  /** {@inheritDoc HomelabApi.previewPromotion} */
  previewPromotion: HomelabApi['previewPromotion'] = request =>
    this.request('/promotions/preview', undefined, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
}
