import { PostureAggregator } from './PostureAggregator';
import { ParsedReport } from './reports';

/**
 * How many findings are held before they are staged. A page of reports
 * holds tens of thousands: staged a batch at a time as they are read, they
 * are freed while the garbage collector still frees them cheaply. Holding a
 * page's findings until the page was read cost a fifth of the aggregation
 * in issue 12's bench.
 */
export const STAGE_BATCH = 1000;

/**
 * Adds a page of reports to a cluster's aggregation, staging its findings
 * (`stage` takes them from the aggregator) whenever a batch is ready, and
 * the rest once the page is read.
 */
export async function addReports<T>(
  aggregator: PostureAggregator,
  reports: Iterable<T>,
  parse: (report: T) => ParsedReport,
  stage: () => Promise<unknown>,
): Promise<void> {
  for (const report of reports) {
    aggregator.add(parse(report));
    if (aggregator.pendingFindings >= STAGE_BATCH) await stage();
  }
  await stage();
}
