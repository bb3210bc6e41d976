/**
 * One sample of an instant vector: its labels and value.
 *
 * @public
 */
export interface PrometheusSample {
  /** The series labels. */
  labels: Record<string, string>;
  /** The value; NaN and infinities as Prometheus reports them. */
  value: number;
}

/**
 * One series of a range query.
 *
 * @public
 */
export interface PrometheusSeries {
  /** The series labels. */
  labels: Record<string, string>;
  /** Points as [unix seconds, value]. */
  values: Array<[number, number]>;
}

/**
 * Evaluates PromQL through the Prometheus HTTP API.
 *
 * @public
 */
export interface PrometheusClient {
  /** An instant query at `time`; a scalar result is one sample without labels. */
  query(expr: string, time: Date): Promise<PrometheusSample[]>;
  /** A range query from `start` to `end` every `stepSeconds`. */
  queryRange(
    expr: string,
    start: Date,
    end: Date,
    stepSeconds: number,
  ): Promise<PrometheusSeries[]>;
}

/** Prometheus writes sample values as strings, including "NaN", "+Inf" and "-Inf". */
export function parseSampleValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

export interface PrometheusResponse {
  status: 'success' | 'error';
  data?: {
    resultType: 'vector' | 'matrix' | 'scalar' | 'string';
    result: any;
  };
  errorType?: string;
  error?: string;
}

/** Turns an API answer into samples or series, or the error it reports. */
export function readPrometheusResponse(
  response: PrometheusResponse,
  origin: string,
): PrometheusSample[] | PrometheusSeries[] {
  if (response.status !== 'success' || !response.data) {
    throw new Error(
      `${origin}: ${response.errorType ?? 'error'}: ${
        response.error ?? 'no data in the answer'
      }`,
    );
  }
  const { resultType, result } = response.data;
  switch (resultType) {
    case 'vector':
      return (
        result as Array<{
          metric: Record<string, string>;
          value: [number, string];
        }>
      ).map(sample => ({
        labels: sample.metric,
        value: parseSampleValue(sample.value[1]),
      }));
    case 'scalar':
      return [
        {
          labels: {},
          value: parseSampleValue((result as [number, string])[1]),
        },
      ];
    case 'matrix':
      return (
        result as Array<{
          metric: Record<string, string>;
          values: Array<[number, string]>;
        }>
      ).map(series => ({
        labels: series.metric,
        values: series.values.map(
          ([time, value]) =>
            [time, parseSampleValue(value)] as [number, number],
        ),
      }));
    default:
      throw new Error(`${origin}: unexpected result type ${resultType}`);
  }
}
