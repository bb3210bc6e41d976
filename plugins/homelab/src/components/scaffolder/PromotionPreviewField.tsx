import { parseEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { PromotionPreview } from '@homelab/plugin-homelab-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { homelabApiRef } from '../../api/HomelabApi';
import { StatusChip } from '../shared/StatusChip';
import { UnifiedDiff } from '../shared/UnifiedDiff';

/** An environment's name, from its name or its System entity reference. */
const environmentName = (value: unknown) =>
  typeof value === 'string' && value
    ? parseEntityRef(value, { defaultKind: 'system' }).name
    : undefined;

const VERDICT_LABEL = { true: 'passed', false: 'failed', null: 'undecided' };

/** A failed required gate stops the promotion; a failed advisory one warns. */
const gateStatus = (gate: PromotionPreview['gates'][number]) => {
  if (gate.passed === null) return 'unknown';
  if (gate.passed) return 'ok';
  return gate.mode === 'required' ? 'error' : 'warning';
};

function GateVerdicts({ gates }: { gates: PromotionPreview['gates'] }) {
  return (
    <Box component="ul" paddingLeft={0} style={{ listStyle: 'none' }}>
      {gates.map(gate => {
        const verdict = VERDICT_LABEL[String(gate.passed) as 'true'];
        return (
          <li key={gate.gate} data-testid={`gate-${gate.gate}`}>
            <StatusChip
              status={gateStatus(gate)}
              label={`${gate.gate} · ${gate.mode} · ${verdict}`}
            />{' '}
            <Typography variant="body2" component="span">
              {gate.reasons.join('; ')}
            </Typography>
          </li>
        );
      })}
    </Box>
  );
}

function Changes({ preview }: { preview: PromotionPreview }) {
  if (!preview.changes.length) {
    return (
      <Alert severity="info">
        {preview.to} already runs {preview.promotedVersion}; nothing to change.
      </Alert>
    );
  }
  return (
    <Table size="small" aria-label="What changes">
      <TableHead>
        <TableRow>
          <TableCell>What</TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            {preview.to} now
          </TableCell>
          <TableCell>After</TableCell>
          <TableCell>Written in</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {preview.changes.map(change => (
          <TableRow key={change.slot}>
            <TableCell>{change.label}</TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {change.before ?? 'not set'}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <strong>{change.after}</strong>
            </TableCell>
            <TableCell>
              <code>{change.writtenAt}</code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The "What will change" step of the promotion template: asks the homelab
 * backend what promoting the app would change (versions per environment,
 * the files and their diff) and each gate's verdict now, and keeps the
 * promoted version as the field's value, so the promotion stops if the
 * source moves before it runs.
 */
export const PromotionPreviewField = (
  props: FieldExtensionComponentProps<string>,
) => {
  const { onChange, formContext, formData: current } = props;
  const api = useApi(homelabApiRef);
  const formData = (formContext?.formData ?? {}) as Record<string, unknown>;
  const app = typeof formData.app === 'string' ? formData.app : undefined;
  const from = environmentName(formData.from);
  const to = environmentName(formData.to);
  const { value, loading, error } = useAsync(
    async () =>
      app && from && to ? api.previewPromotion({ app, from, to }) : undefined,
    [api, app, from, to],
  );
  useEffect(() => {
    if (value?.promotedVersion !== current) onChange(value?.promotedVersion);
  }, [value, current, onChange]);

  if (!app || !from || !to) {
    return (
      <Alert severity="info">Pick the app and both environments first.</Alert>
    );
  }
  if (loading) return <Progress />;
  if (error) {
    // The backend's reason (InputError and the like), not the HTTP wrapping.
    const reason =
      (error as { body?: { error?: { message?: string } } }).body?.error
        ?.message ?? error.message;
    return <Alert severity="error">No preview: {reason}</Alert>;
  }
  if (!value) return null;
  return (
    <Box data-testid="promotion-preview">
      <Typography variant="h6" gutterBottom>
        {value.app}: {value.from} {value.promotedVersion} → {value.to}
        {value.targetVersion ? ` (now ${value.targetVersion})` : ''}
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {value.versionLabel}
        {value.declaredVersion &&
        value.declaredVersion !== value.promotedVersion
          ? `; ${value.from} declares ${value.declaredVersion}`
          : ''}
        . Layout: {value.layout}.
      </Typography>
      {value.blocked && (
        <Alert severity="warning">
          A required gate would stop this promotion now:{' '}
          {value.gates
            .filter(g => g.mode === 'required' && g.passed !== true)
            .map(g => `${g.gate} (${g.reasons.join('; ')})`)
            .join(', ')}
          .
        </Alert>
      )}
      <Changes preview={value} />
      {value.notes.length > 0 && (
        <Box component="ul" marginTop={1}>
          {value.notes.map(note => (
            <li key={note}>
              <Typography variant="body2">{note}</Typography>
            </li>
          ))}
        </Box>
      )}
      <Typography variant="subtitle1" style={{ marginTop: 16 }}>
        Gates
      </Typography>
      <GateVerdicts gates={value.gates} />
      {value.valuesLeftAlone.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Values that differ and stay as {value.to} has them:{' '}
          {value.valuesLeftAlone.join(', ')}
        </Typography>
      )}
      {value.diff && (
        <Box marginTop={2} data-testid="promotion-diff">
          <UnifiedDiff text={value.diff} />
        </Box>
      )}
    </Box>
  );
};
