import { ResponseError } from '@backstage/errors';
import type { BlastRadius, BlastRadiusMode } from './blastRadius';
import type { CapacityReport } from './capacity';
import type { paths } from './generated/openapi';
import type { PowerReport } from './power';
import type { BackupSet, Certificate } from './recovery';
import { Query, queryString } from './queryString';
import {
  BackupsQuery,
  CertificatesQuery,
  FindingsQuery,
  FluxObjectRef,
  FluxObjectsQuery,
  PostureSummaryQuery,
  PostureTrendQuery,
  PromotionRequest,
  TopologyQuery,
} from './requests';
import {
  AppDrift,
  Finding,
  FluxCluster,
  FluxObject,
  PostureSummary,
  PostureTrendPoint,
  PromotionPreview,
  SloStatus,
  SourceFreshness,
  TopologyGraph,
} from './types';

/**
 * How the client reaches homelab-backend: Backstage's discovery and fetch,
 * which the frontend's DiscoveryApi and FetchApi and the backend's
 * DiscoveryService satisfy.
 *
 * @public
 */
export interface HomelabApiClientOptions {
  /** Where the homelab plugin's API is. */
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /**
   * Sends the requests; the global fetch by default. The frontend's FetchApi
   * adds the user's credentials; a backend passes one that adds a token.
   */
  fetchApi?: { fetch: typeof fetch };
}

type Method = 'get' | 'post';

/** The spec's paths that answer the method. */
type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: object } ? P : never;
}[keyof paths];

type Operation<M extends Method, P extends PathWith<M>> = paths[P][M];

/** The path and query parameters of an operation, required as the spec requires them. */
type OperationParameters<O> = O extends { parameters: infer Parameters }
  ? Pick<Parameters, Extract<keyof Parameters, 'path' | 'query'>>
  : never;

/** The JSON body an operation takes, when it takes one. */
type OperationBody<O> = O extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? { body: Body }
  : {};

/** What an operation answers with 200. */
type OperationAnswer<O> = O extends {
  responses: { 200: { content: { 'application/json': infer Answer } } };
}
  ? Answer
  : never;

/**
 * A client of homelab-backend's REST API, one method per operation of its
 * OpenAPI spec (named after the operationId), for the frontend and for other
 * backends alike. Requests and answers are checked against the spec's types,
 * which are generated from it; answers are returned in this package's
 * documented types. An answer other than 2xx throws a ResponseError carrying
 * the backend's error.
 *
 * @public
 */
export class HomelabApiClient {
  readonly #discoveryApi: HomelabApiClientOptions['discoveryApi'];
  readonly #fetchApi: NonNullable<HomelabApiClientOptions['fetchApi']>;

  constructor(options: HomelabApiClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    // Called through a function, as a browser's fetch refuses to run as a
    // method of another object.
    this.#fetchApi = options.fetchApi ?? {
      fetch: (input, init) => fetch(input, init),
    };
  }

  /** How fresh every source is, per cluster. */
  getFreshness(): Promise<{ sources: SourceFreshness[] }> {
    return this.#call('get', '/freshness', {});
  }

  /**
   * The homelab as a graph, from the internet to workloads; with
   * `workloads: 'folded'`, the overview: no workload nodes, each namespace
   * counting its workloads by state.
   */
  getTopology(query?: TopologyQuery): Promise<TopologyGraph> {
    return this.#call('get', '/topology', { query });
  }

  /** One cluster's workloads, with the edges from their namespaces: what the folded overview leaves out. */
  getTopologyClusterWorkloads(cluster: string): Promise<TopologyGraph> {
    return this.#call('get', '/topology/clusters/{cluster}/workloads', {
      path: { cluster },
    });
  }

  /**
   * What goes down with a device, VM, network, storage, node or cluster,
   * in a failure (the default) or a planned maintenance.
   */
  getBlastRadius(query: {
    entityRef: string;
    mode?: BlastRadiusMode;
  }): Promise<BlastRadius> {
    return this.#call('get', '/blast-radius', { query });
  }

  /** The latest posture summaries. */
  getPostureSummaries(
    query?: PostureSummaryQuery,
  ): Promise<{ items: PostureSummary[]; freshness: SourceFreshness[] }> {
    return this.#call('get', '/posture/summaries', { query });
  }

  /** One page of findings, most severe first. */
  getPostureFindings(query?: FindingsQuery): Promise<{
    items: Finding[];
    totalCount: number;
    offset: number;
    limit: number;
    freshness: SourceFreshness[];
  }> {
    return this.#call('get', '/posture/findings', { query });
  }

  /** The score and vulnerabilities of one summary over time, oldest first. */
  getPostureTrend(
    query: PostureTrendQuery,
  ): Promise<{ points: PostureTrendPoint[]; freshness: SourceFreshness[] }> {
    return this.#call('get', '/posture/trend', { query });
  }

  /** Every SLO with its latest evaluation, or those of one entity. */
  getSlos(query?: {
    entityRef?: string;
  }): Promise<{ items: SloStatus[]; freshness: SourceFreshness[] }> {
    return this.#call('get', '/slos', { query });
  }

  /** One SLO with its history over its window. */
  getSlo(
    id: string,
  ): Promise<{ slo: SloStatus; freshness: SourceFreshness[] }> {
    return this.#call('get', '/slos/{id}', { path: { id } });
  }

  /** Flux objects of every cluster, or of one cluster, namespace, entity or kind. */
  getFluxObjects(query?: FluxObjectsQuery): Promise<{
    items: FluxObject[];
    clusters: FluxCluster[];
    freshness: SourceFreshness[];
  }> {
    return this.#call('get', '/flux/objects', { query });
  }

  /** Asks Flux to reconcile the object now (homelab.flux.reconcile). */
  reconcileFluxObject(ref: FluxObjectRef): Promise<{ object: FluxObject }> {
    return this.#call(
      'post',
      '/flux/objects/{cluster}/{kind}/{namespace}/{name}/reconcile',
      { path: ref },
    );
  }

  /** Suspends reconciliation of the object (homelab.flux.suspend). */
  suspendFluxObject(ref: FluxObjectRef): Promise<{ object: FluxObject }> {
    return this.#call(
      'post',
      '/flux/objects/{cluster}/{kind}/{namespace}/{name}/suspend',
      { path: ref },
    );
  }

  /** Resumes reconciliation of the object (homelab.flux.suspend). */
  resumeFluxObject(ref: FluxObjectRef): Promise<{ object: FluxObject }> {
    return this.#call(
      'post',
      '/flux/objects/{cluster}/{kind}/{namespace}/{name}/resume',
      { path: ref },
    );
  }

  /** Which version of each app runs in each environment, in promotion order. */
  getDrift(query?: { entityRef?: string }): Promise<{
    environments: string[];
    apps: AppDrift[];
    freshness: SourceFreshness[];
  }> {
    return this.#call('get', '/drift', { query });
  }

  /**
   * What promoting an app from one environment to another would change, and
   * each gate's verdict now.
   */
  previewPromotion(request: PromotionRequest): Promise<PromotionPreview> {
    return this.#call('post', '/promotions/preview', { body: request });
  }

  /**
   * Every device's draw with its source (measured, estimated or not
   * measured), energy and cost over the last day and 30 days, and the shares
   * of virtual machines, nodes, clusters and apps.
   */
  getPower(): Promise<{ power: PowerReport; freshness: SourceFreshness[] }> {
    return this.#call('get', '/power', {});
  }

  /**
   * Each cluster's and node's allocatable CPU, memory, pods and storage
   * against requests and use, headroom against the inventory's targets and
   * the trend to full, and each hypervisor's guests' allocation.
   */
  getCapacity(): Promise<{
    capacity: CapacityReport;
    freshness: SourceFreshness[];
  }> {
    return this.#call('get', '/capacity', {});
  }

  /**
   * Velero schedules, Longhorn volumes and k3s etcd snapshots with their
   * last backups, judged now against the recovery point objectives, worst
   * first.
   */
  getBackups(query?: BackupsQuery): Promise<{
    items: BackupSet[];
    totalCount: number;
    offset: number;
    limit: number;
    freshness: SourceFreshness[];
  }> {
    return this.#call('get', '/backups', { query });
  }

  /** cert-manager Certificates with readiness, expiry and renewal failures, worst first. */
  getCertificates(query?: CertificatesQuery): Promise<{
    items: Certificate[];
    totalCount: number;
    offset: number;
    limit: number;
    freshness: SourceFreshness[];
  }> {
    return this.#call('get', '/certificates', { query });
  }

  /** An operation of the spec, its parameters and answer typed by the spec. */
  async #call<M extends Method, P extends PathWith<M>>(
    method: M,
    path: P,
    parameters: OperationParameters<Operation<M, P>> &
      OperationBody<Operation<M, P>>,
  ): Promise<OperationAnswer<Operation<M, P>>> {
    const {
      path: pathParameters = {},
      query,
      body,
    } = parameters as {
      path?: Record<string, string>;
      query?: Query;
      body?: object;
    };
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(pathParameters[name]),
    );
    return (await this.#send(
      method.toUpperCase(),
      `${url}${queryString(query)}`,
      body,
    )) as OperationAnswer<Operation<M, P>>;
  }

  async #send(
    method: string,
    pathAndQuery: string,
    body?: object,
  ): Promise<unknown> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('homelab');
    const response = await this.#fetchApi.fetch(
      `${baseUrl}${pathAndQuery}`,
      body === undefined
        ? { method }
        : {
            method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.json();
  }
}
