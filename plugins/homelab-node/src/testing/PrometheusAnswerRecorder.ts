import fs from 'node:fs';
import path from 'node:path';
import {
  PrometheusClient,
  PrometheusResponse,
  PrometheusSample,
  PrometheusSeries,
  readPrometheusResponse,
} from '../prometheus/PrometheusClient';
import {
  RecordedPrometheusAnswer,
  recordedAnswerFile,
} from '../prometheus/SnapshotPrometheusClient';

/**
 * A Prometheus client that asks a live Prometheus and writes every answer
 * to a folder, in the form homelab.prometheus.snapshotDirectory reads: for
 * recording demo data and test fixtures from a real server.
 *
 * @public
 */
export class PrometheusAnswerRecorder implements PrometheusClient {
  constructor(
    private readonly url: string,
    private readonly directory: string,
  ) {
    fs.mkdirSync(directory, { recursive: true });
  }

  /** Asks the live Prometheus for an instant query and records the answer. */
  async query(expr: string, time: Date): Promise<PrometheusSample[]> {
    const seconds = time.getTime() / 1000;
    return (await this.#record(
      'query',
      { query: expr, time: String(seconds) },
      { query: expr, time: seconds },
    )) as PrometheusSample[];
  }

  /** Asks the live Prometheus for a range query and records the answer. */
  async queryRange(
    expr: string,
    start: Date,
    end: Date,
    stepSeconds: number,
  ): Promise<PrometheusSeries[]> {
    const seconds = end.getTime() / 1000;
    return (await this.#record(
      'query_range',
      {
        query: expr,
        start: String(start.getTime() / 1000),
        end: String(seconds),
        step: String(stepSeconds),
      },
      { query: expr, end: seconds },
    )) as PrometheusSeries[];
  }

  async #record(
    kind: 'query' | 'query_range',
    form: Record<string, string>,
    answer: Omit<RecordedPrometheusAnswer, 'response'>,
  ) {
    const response = await fetch(`${this.url}/api/v1/${kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    const body = (await response.json()) as PrometheusResponse;
    fs.writeFileSync(
      path.join(this.directory, recordedAnswerFile(kind, form.query)),
      `${JSON.stringify({ ...answer, response: body }, null, 2)}\n`,
    );
    return readPrometheusResponse(body, `Prometheus at ${this.url}`);
  }
}
