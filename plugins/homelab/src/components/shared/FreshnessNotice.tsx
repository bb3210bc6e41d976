import { SourceFreshness } from '@homelab/plugin-homelab-common';
import Alert from '@material-ui/lab/Alert';
import { formatTime } from './formatTime';

const describe = (source: SourceFreshness) => {
  const what = `${source.source}${
    source.cluster ? ` of ${source.cluster}` : ''
  }`;
  if (source.state === 'never-collected') {
    return `${what}: never collected${
      source.error ? ` (${source.error})` : ''
    }`;
  }
  return `${what}: stale, data from ${formatTime(
    source.collectedAt,
  )}; last attempt ${formatTime(source.checkedAt)}${
    source.error ? ` failed: ${source.error}` : ''
  }`;
};

/**
 * Says which sources of what is shown are stale or were never collected,
 * with when the data is from and why collection failed; nothing when all
 * are fresh. Stale data is shown as stale, never as current.
 */
export function FreshnessNotice(props: { freshness: SourceFreshness[] }) {
  const notFresh = props.freshness.filter(f => f.state !== 'fresh');
  if (!notFresh.length) return null;
  return (
    <Alert severity="warning" role="status" style={{ marginBottom: 16 }}>
      {notFresh.length === 1
        ? 'Some of this data is not current:'
        : `${notFresh.length} sources of this data are not current:`}
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {notFresh.map(source => (
          <li key={`${source.source}/${source.cluster ?? ''}`}>
            {describe(source)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
