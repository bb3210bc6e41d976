import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  PrometheusClient,
  PrometheusSample,
  PrometheusResponse,
  PrometheusSeries,
  readPrometheusResponse,
} from './PrometheusClient';

/**
 * The file a recorded answer to an expression is kept in.
 *
 * @public
 */
export function recordedAnswerFile(
  kind: 'query' | 'query_range',
  expr: string,
): string {
  return `${kind}-${createHash('sha256')
    .update(expr)
    .digest('hex')
    .slice(0, 16)}.json`;
}

/**
 * What a recorded answer file holds: the expression, when it was asked
 * (unix seconds: `time` for instant queries, `end` for ranges), and the
 * Prometheus API response.
 *
 * @public
 */
export interface RecordedPrometheusAnswer {
  /** The PromQL expression. */
  query: string;
  /** Evaluation time of an instant query. */
  time?: number;
  /** End of a range query. */
  end?: number;
  /** The API answer, as Prometheus sent it. */
  response: unknown;
}

/**
 * Answers PromQL from recorded Prometheus API responses in a folder, one file
 * per expression (see {@link recordedAnswerFile}). Range answers are moved in
 * time so that they end when asked, so a demo's charts end now; values are
 * those recorded. An expression that was never recorded has no data, as a
 * series Prometheus does not know.
 */
export class SnapshotPrometheusClient implements PrometheusClient {
  constructor(private readonly directory: string) {}

  async query(expr: string): Promise<PrometheusSample[]> {
    const recorded = await this.#answer('query', expr);
    return recorded ? (recorded.samples as PrometheusSample[]) : [];
  }

  async queryRange(
    expr: string,
    _start: Date,
    end: Date,
  ): Promise<PrometheusSeries[]> {
    const recorded = await this.#answer('query_range', expr);
    if (!recorded) return [];
    const shift =
      recorded.end === undefined ? 0 : end.getTime() / 1000 - recorded.end;
    return (recorded.samples as PrometheusSeries[]).map(series => ({
      labels: series.labels,
      values: series.values.map(
        ([time, value]) => [time + shift, value] as [number, number],
      ),
    }));
  }

  async #answer(kind: 'query' | 'query_range', expr: string) {
    const file = path.join(this.directory, recordedAnswerFile(kind, expr));
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    const answer = JSON.parse(text) as RecordedPrometheusAnswer;
    return {
      end: answer.end,
      samples: readPrometheusResponse(
        answer.response as PrometheusResponse,
        `recorded Prometheus answer ${file}`,
      ),
    };
  }
}
