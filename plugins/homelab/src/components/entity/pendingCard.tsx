import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { ReactElement } from 'react';

/** The part of an async state a card waits on. */
interface CardData {
  loading: boolean;
  error?: Error;
  value?: unknown;
}

/**
 * The card an entity card shows until it has data: a progress bar on the
 * first load, the error after a failure. Undefined once there is data, so a
 * card can still hide itself when that data is empty.
 */
export function pendingCard(
  title: string,
  data: CardData,
): ReactElement | undefined {
  if (data.loading && !data.value)
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  if (data.error)
    return (
      <InfoCard title={title}>
        <ResponseErrorPanel error={data.error} />
      </InfoCard>
    );
  return undefined;
}
