import { Table, TableColumn } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  FLUX_KIND_ACTIONS,
  FluxCluster,
  FluxObject,
  homelabFluxReconcilePermission,
  homelabFluxSuspendPermission,
} from '@homelab/plugin-homelab-common';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { homelabApiRef } from '../../api/HomelabApi';
import { errorMessage } from '../shared/errorMessage';
import { formatTime } from '../shared/formatTime';
import { StatusChip } from '../shared/StatusChip';
import {
  failingFirst,
  fluxReadiness,
  fluxReadinessSummary,
} from './fluxReadiness';
import {
  FIXED_COLUMN_ORDER,
  SortableHeadersFocus,
} from '../shared/SortableHeadersFocus';

type Action = 'reconcile' | 'suspend' | 'resume';

/** "main@sha1:4f8c2a91d07e…" reads as "main@sha1:4f8c2a91"; versions stay whole. */
const shortRevision = (revision?: string) =>
  revision?.replace(/(sha1|sha256):([0-9a-f]{8})[0-9a-f]+/, '$1:$2') ?? '—';

function readiness(object: FluxObject) {
  switch (fluxReadiness(object)) {
    case 'suspended':
      return <StatusChip status="unknown" label="Suspended" />;
    case 'ready':
      return <StatusChip status="ok" label="Ready" />;
    case 'reconciling':
      return <StatusChip status="warning" label="Ready, reconciling" />;
    case 'not-ready':
      return <StatusChip status="error" label={object.reason ?? 'Not ready'} />;
    default:
      return <StatusChip status="unknown" label="Unknown" />;
  }
}

/** What an object makes or comes from, where its kind says more than its name. */
function provenance(object: FluxObject): string | undefined {
  if (object.generatedArtifacts?.length)
    return `Generates ${object.generatedArtifacts
      .map(a =>
        a.namespace === object.namespace ? a.name : `${a.namespace}/${a.name}`,
      )
      .join(', ')}`;
  if (object.kind === 'ExternalArtifact' && object.sourceRef)
    return `From ${object.sourceRef.kind} ${object.sourceRef.name}`;
  return undefined;
}

/** The columns every user sees: what each object is, its state and revision. */
function objectColumns(): TableColumn<FluxObject>[] {
  return [
    { title: 'Kind', field: 'kind' },
    {
      title: 'Object',
      render: o => (
        <>
          {o.namespace}/{o.name}
          {provenance(o) && (
            <Typography variant="caption" component="div" color="textSecondary">
              {provenance(o)}
            </Typography>
          )}
          {o.message && o.ready !== 'True' && (
            <Typography variant="caption" component="div" color="textSecondary">
              {o.message}
            </Typography>
          )}
        </>
      ),
    },
    { title: 'State', render: readiness },
    {
      title: 'Revision',
      render: o => (
        <span title={o.revision}>
          {shortRevision(o.revision)}
          {o.attemptedRevision &&
            ` (tried ${shortRevision(o.attemptedRevision)})`}
        </span>
      ),
    },
    {
      title: 'Last reconcile request handled',
      render: o =>
        o.lastHandledReconcileAt ? formatTime(o.lastHandledReconcileAt) : '—',
    },
  ];
}

const DONE: Record<Action, string> = {
  reconcile: 'reconcile requested',
  suspend: 'suspended',
  resume: 'resumed',
};

/**
 * Runs an action on an object through the homelab API, says how it went, and
 * keeps which object is busy so that no second action starts meanwhile.
 */
function useFluxAction(onChanged: () => void) {
  const api = useApi(homelabApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState<string>();

  const run = async (object: FluxObject, action: Action) => {
    const key = `${object.cluster}/${object.kind}/${object.namespace}/${object.name}`;
    setBusy(key);
    try {
      const ref = {
        cluster: object.cluster,
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
      };
      if (action === 'reconcile') await api.reconcileFluxObject(ref);
      else if (action === 'suspend') await api.suspendFluxObject(ref);
      else await api.resumeFluxObject(ref);
      alertApi.post({
        message: `${object.kind} ${object.namespace}/${object.name}: ${DONE[action]}`,
        severity: 'success',
        display: 'transient',
      });
      onChanged();
    } catch (error) {
      alertApi.post({
        message: `${object.kind} ${object.namespace}/${
          object.name
        }: ${action} failed: ${errorMessage(error)}`,
        severity: 'error',
      });
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, run };
}

/**
 * An action's button: disabled while another action runs, and with the
 * reason on hover where the object's cluster refuses changes, so that an
 * operator learns it before clicking rather than from a failed request.
 */
function ActionButton(props: {
  label: string;
  busy: boolean;
  refusal?: string;
  onClick(): void;
}) {
  const button = (
    <Button
      size="small"
      disabled={props.busy || props.refusal !== undefined}
      onClick={props.onClick}
    >
      {props.label}
    </Button>
  );
  if (props.refusal === undefined) return button;
  // A disabled button gets no pointer events: the tooltip hangs on a wrapper.
  return (
    <Tooltip title={`${props.label} is off: ${props.refusal}`}>
      <span>{button}</span>
    </Tooltip>
  );
}

/** Why changes to objects of each read-only cluster are refused, by cluster. */
function refusalsByCluster(clusters: FluxCluster[]): Map<string, string> {
  return new Map(
    clusters
      .filter(c => c.readOnly)
      .map(c => [c.cluster, c.reason ?? `cluster "${c.cluster}" is read-only`]),
  );
}

/** The readiness count, and that the objects are read-only where all are. */
function subtitle(objects: FluxObject[], clusters: FluxCluster[]) {
  if (!objects.length) return undefined;
  const summary = fluxReadinessSummary(objects);
  const shown = clusters.filter(c =>
    objects.some(o => o.cluster === c.cluster),
  );
  const covers = shown.length === new Set(objects.map(o => o.cluster)).size;
  if (!covers || !shown.every(c => c.readOnly)) return summary;
  return shown.every(c => c.recorded)
    ? `${summary} · read-only (recorded snapshot)`
    : `${summary} · read-only`;
}

/**
 * Flux objects of every kind with their Ready state and revision, those that
 * need attention first, a count of how many are ready, and reconcile, suspend and resume buttons where the
 * kind supports them (an ExternalArtifact supports neither) for users the
 * permission framework allows them, disabled with the reason where the
 * object's cluster refuses changes (a recorded snapshot).
 */
export function FluxObjectsTable(props: {
  objects: FluxObject[];
  /** Which clusters refuse changes, as the API says. */
  clusters: FluxCluster[];
  onChanged(): void;
}) {
  const canReconcile = usePermission({
    permission: homelabFluxReconcilePermission,
  }).allowed;
  const canSuspend = usePermission({
    permission: homelabFluxSuspendPermission,
  }).allowed;
  const { busy, run } = useFluxAction(props.onChanged);
  const refusals = refusalsByCluster(props.clusters);

  const columns = objectColumns();
  if (canReconcile || canSuspend) {
    columns.push({
      title: 'Actions',
      render: o => {
        const supports = FLUX_KIND_ACTIONS[o.kind];
        const shared = {
          busy: busy !== undefined,
          refusal: refusals.get(o.cluster),
        };
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {canReconcile && supports.reconcile && !o.suspended && (
              <ActionButton
                {...shared}
                label="Reconcile"
                onClick={() => run(o, 'reconcile')}
              />
            )}
            {canSuspend && supports.suspend && (
              <ActionButton
                {...shared}
                label={o.suspended ? 'Resume' : 'Suspend'}
                onClick={() => run(o, o.suspended ? 'resume' : 'suspend')}
              />
            )}
          </span>
        );
      },
    });
  }
  return (
    <SortableHeadersFocus>
      <Table<FluxObject>
        title="Flux"
        subtitle={subtitle(props.objects, props.clusters)}
        data={failingFirst(props.objects)}
        columns={columns}
        options={{
          ...FIXED_COLUMN_ORDER,
          paging: props.objects.length > 20,
          pageSize: 20,
          padding: 'dense',
          search: true,
        }}
        localization={{ body: { emptyDataSourceMessage: 'No Flux objects.' } }}
      />
    </SortableHeadersFocus>
  );
}
