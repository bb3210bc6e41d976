import { stringifyEntityRef } from '@backstage/catalog-model';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  FitVerdict,
  HOMELAB_RESOURCE_TYPES,
  boardBudget,
  fitVerdict,
  getHomelabSpec,
  moduleFit,
  vmFit,
} from '@homelab/plugin-homelab-common';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { useEffect } from 'react';
import { formatTime } from '../shared/formatTime';
import { FitVerdictView } from './FitVerdictView';
import { FitSources, FitSourcesPending, useFitSources } from './useFitSources';

type Estate = FitSources;

const unknownFit = (what: string, reason: string) =>
  fitVerdict([{ what, state: 'unknown', reason }]);

/** A Turing Pi slot: free, and within the board's power supply. */
function slotFit(estate: Estate, board: string, slot: number) {
  const entity = estate.resources.find(
    device => stringifyEntityRef(device) === board,
  );
  if (!entity) {
    return unknownFit('Board', `${board} is not in the catalog`);
  }
  return moduleFit(boardBudget(entity, estate.resources), slot);
}

/** A Proxmox VM: within its host's CPUs and memory, as last collected. */
function hostFit(
  estate: Estate,
  host: string,
  cores: number,
  memoryGB: number,
) {
  const figures = estate.capacity.hypervisors.find(h => h.entityRef === host);
  const entity = estate.resources.find(
    device => stringifyEntityRef(device) === host,
  );
  if (!figures) {
    return unknownFit(
      'Host',
      `nothing is known of ${host}'s CPUs, memory or guests`,
    );
  }
  const { overcommit } = entity
    ? getHomelabSpec<typeof HOMELAB_RESOURCE_TYPES.device>(entity)
    : { overcommit: undefined };
  return vmFit(
    { vcpus: cores, memoryBytes: memoryGB * 2 ** 30 },
    figures,
    overcommit,
  );
}

/** What the form asks for, as a title and its fit; undefined until it says enough. */
function nodeFit(
  estate: Estate,
  form: Record<string, unknown>,
): { title: string; subtitle?: string; verdict: FitVerdict } | undefined {
  const { platform, board, slot, proxmoxHost, cores, memoryGB } = form;
  if (
    platform === 'turingPi' &&
    typeof board === 'string' &&
    typeof slot === 'number'
  ) {
    return {
      title: `Slot ${slot} of ${board.split('/').pop()}`,
      verdict: slotFit(estate, board, slot),
    };
  }
  if (
    platform === 'proxmox' &&
    typeof proxmoxHost === 'string' &&
    typeof cores === 'number' &&
    typeof memoryGB === 'number'
  ) {
    const host = estate.capacity.hypervisors.find(
      h => h.entityRef === proxmoxHost,
    );
    return {
      title: `A VM on ${proxmoxHost.split('/').pop()}`,
      subtitle: host?.observedAt
        ? `The host and its guests as Proxmox VE reported them ${formatTime(
            host.observedAt,
          )}`
        : 'The host and its guests as the inventory states them',
      verdict: hostFit(estate, proxmoxHost, cores, memoryGB),
    };
  }
  return undefined;
}

/**
 * The provision template's "Will it fit" field: whether a new Turing Pi
 * module's slot is free and the board's supply carries it, or whether a new
 * Proxmox VM fits its host's CPUs and memory. Its value is the answer.
 */
export const NodeFitField = (props: FieldExtensionComponentProps<string>) => {
  const { onChange, formContext, formData: current } = props;
  const form = (formContext?.formData ?? {}) as Record<string, unknown>;
  const { value, loading, error } = useFitSources(
    HOMELAB_RESOURCE_TYPES.device,
  );
  const fit = value && nodeFit(value, form);
  const state = fit?.verdict.state;
  useEffect(() => {
    if (state !== current) onChange(state);
  }, [state, current, onChange]);

  if (form.platform === 'existing') {
    return (
      <Alert severity="info">
        A machine that runs already takes no slot or host resources; nothing to
        check.
      </Alert>
    );
  }
  if (!value) return <FitSourcesPending loading={loading} error={error} />;
  if (!fit) {
    return (
      <Alert severity="info">
        Pick the board and slot, or the Proxmox server with the VM's cores and
        memory, to see whether it fits.
      </Alert>
    );
  }
  return (
    <Box data-testid="node-fit">
      <FitVerdictView {...fit} />
    </Box>
  );
};
