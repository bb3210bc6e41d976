import {
  PrometheusClient,
  PrometheusSample,
  PrometheusSeries,
  readPrometheusResponse,
} from './PrometheusClient';

interface HttpPrometheusClientOptions {
  /** Base URL, like http://prometheus.monitoring:9090. */
  url: string;
  /** Bearer token, for a Prometheus behind an authenticating proxy. */
  token?: string;
  /** Basic auth credentials. */
  username?: string;
  password?: string;
  requestTimeoutMs: number;
}

/**
 * Queries a live Prometheus. Queries are POSTed as forms, so batched
 * expressions of many SLOs are not cut short by URL limits. Errors name the
 * Prometheus URL and what it said, never the credentials.
 */
export class HttpPrometheusClient implements PrometheusClient {
  readonly #headers: Record<string, string>;

  constructor(private readonly options: HttpPrometheusClientOptions) {
    this.#headers = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (options.token) this.#headers.authorization = `Bearer ${options.token}`;
    else if (options.username) {
      this.#headers.authorization = `Basic ${Buffer.from(
        `${options.username}:${options.password ?? ''}`,
      ).toString('base64')}`;
    }
  }

  async query(expr: string, time: Date): Promise<PrometheusSample[]> {
    return (await this.#post('query', {
      query: expr,
      time: String(time.getTime() / 1000),
    })) as PrometheusSample[];
  }

  async queryRange(
    expr: string,
    start: Date,
    end: Date,
    stepSeconds: number,
  ): Promise<PrometheusSeries[]> {
    return (await this.#post('query_range', {
      query: expr,
      start: String(start.getTime() / 1000),
      end: String(end.getTime() / 1000),
      step: String(stepSeconds),
    })) as PrometheusSeries[];
  }

  async #post(endpoint: string, form: Record<string, string>) {
    const origin = `Prometheus at ${this.options.url}`;
    let response: Response;
    try {
      response = await fetch(
        `${this.options.url.replace(/\/+$/, '')}/api/v1/${endpoint}`,
        {
          method: 'POST',
          headers: this.#headers,
          body: new URLSearchParams(form).toString(),
          signal: AbortSignal.timeout(this.options.requestTimeoutMs),
        },
      );
    } catch (error) {
      const name = (error as Error).name;
      throw new Error(
        name === 'TimeoutError' || name === 'AbortError'
          ? `${origin} did not answer within ${this.options.requestTimeoutMs} ms`
          : `${origin} cannot be reached: ${
              (error as any).cause?.code ??
              (error as any).cause?.message ??
              (error as Error).message
            }`,
      );
    }
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(
        `${origin} answered HTTP ${response.status} without a Prometheus API answer`,
      );
    }
    return readPrometheusResponse(body, origin);
  }
}
