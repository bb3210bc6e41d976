import Alert from '@material-ui/lab/Alert';

/** Where the inventory and a live source disagree about the entity, one line each; nothing when they agree. */
export function DriftAlert(props: { drift?: string[]; source: string }) {
  if (!props.drift?.length) return null;
  return (
    <Alert severity="warning" style={{ marginTop: 8 }}>
      Drift between the inventory and {props.source}:
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {props.drift.map(d => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </Alert>
  );
}
