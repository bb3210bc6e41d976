import { Table, TableColumn } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  FLUX_KIND_ACTIONS,
  FluxObject,
  homelabFluxReconcilePermission,
  homelabFluxSuspendPermission,
} from '@homelab/plugin-homelab-common';
import Button from '@material-ui/core/Button';
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
 * Flux objects of every kind with their Ready state and revision, those that
 * need attention first, a count of how many are ready, and reconcile, suspend and resume buttons where the
 * kind supports them (an ExternalArtifact supports neither) for users the
 * permission framework allows them.
 */
export function FluxObjectsTable(props: {
  objects: FluxObject[];
  onChanged(): void;
}) {
  const canReconcile = usePermission({
    permission: homelabFluxReconcilePermission,
  }).allowed;
  const canSuspend = usePermission({
    permission: homelabFluxSuspendPermission,
  }).allowed;
  const { busy, run } = useFluxAction(props.onChanged);

  const columns = objectColumns();
  if (canReconcile || canSuspend) {
    columns.push({
      title: 'Actions',
      render: o => {
        const disabled = busy !== undefined;
        const supports = FLUX_KIND_ACTIONS[o.kind];
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {canReconcile && supports.reconcile && !o.suspended && (
              <Button
                size="small"
                disabled={disabled}
                onClick={() => run(o, 'reconcile')}
              >
                Reconcile
              </Button>
            )}
            {canSuspend && supports.suspend && (
              <Button
                size="small"
                disabled={disabled}
                onClick={() => run(o, o.suspended ? 'resume' : 'suspend')}
              >
                {o.suspended ? 'Resume' : 'Suspend'}
              </Button>
            )}
          </span>
        );
      },
    });
  }
  return (
    <Table<FluxObject>
      title="Flux"
      subtitle={
        props.objects.length ? fluxReadinessSummary(props.objects) : undefined
      }
      data={failingFirst(props.objects)}
      columns={columns}
      options={{
        paging: props.objects.length > 20,
        pageSize: 20,
        padding: 'dense',
        search: true,
      }}
      localization={{ body: { emptyDataSourceMessage: 'No Flux objects.' } }}
    />
  );
}
