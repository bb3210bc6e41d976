import { HypervisorCapacity } from '../api/capacity';
import { DEFAULT_OVERCOMMIT, Overcommit } from '../inventory/siteSchemas';
import { bytesText } from './fitText';
import { FitCheck, FitVerdict, fitVerdict } from './fitVerdict';

/**
 * What a new virtual machine asks of its host.
 *
 * @public
 */
export interface VmRequest {
  /** Its vCPUs. */
  vcpus: number;
  /** Its memory, in bytes. */
  memoryBytes: number;
}

const ratioText = (ratio: number) => `${Number(ratio.toFixed(2))}:1`;

const sourceText = (host: HypervisorCapacity) =>
  host.source === 'proxmox' ? 'as Proxmox VE reports' : 'in the inventory';

function memoryCheck(
  { memoryBytes }: VmRequest,
  host: HypervisorCapacity,
  ratio: number,
): FitCheck {
  const what = 'Memory';
  if (host.memoryBytes === null) {
    return {
      what,
      state: 'unknown',
      reason: `${host.name}'s memory is not known`,
    };
  }
  if (host.allocatedMemoryBytes === null) {
    return {
      what,
      state: 'unknown',
      reason: `the memory of a guest of ${host.name} is not known`,
    };
  }
  const after = host.allocatedMemoryBytes + memoryBytes;
  const allowed = host.memoryBytes * ratio;
  const figures = `${bytesText(after)} of ${bytesText(
    host.memoryBytes,
  )} ${sourceText(host)} with this VM's ${bytesText(memoryBytes)}`;
  if (after > allowed) {
    return {
      what,
      state: 'does-not-fit',
      reason: `${figures}: more than ${
        ratio === 1 ? 'the host has' : `${ratioText(ratio)} over-commit allows`
      }`,
    };
  }
  return { what, state: 'fits', reason: figures };
}

function cpuCheck(
  { vcpus }: VmRequest,
  host: HypervisorCapacity,
  ratio: number,
): FitCheck {
  const what = 'vCPUs';
  if (host.cpus === null) {
    return {
      what,
      state: 'unknown',
      reason: `${host.name}'s CPUs are not known`,
    };
  }
  if (vcpus > host.cpus) {
    return {
      what,
      state: 'does-not-fit',
      reason: `${vcpus} vCPUs, more than ${host.name}'s ${host.cpus} CPUs`,
    };
  }
  if (host.allocatedVcpus === null) {
    return {
      what,
      state: 'unknown',
      reason: `the vCPUs of a guest of ${host.name} are not known`,
    };
  }
  const after = host.allocatedVcpus + vcpus;
  const figures = `${after} vCPUs on ${host.cpus} CPUs ${sourceText(
    host,
  )} with this VM's ${vcpus}`;
  if (after <= host.cpus) return { what, state: 'fits', reason: figures };
  const shared = `${figures}, over-committed ${ratioText(after / host.cpus)}`;
  return after <= host.cpus * ratio
    ? { what, state: 'fits', reason: `${shared}, within ${ratioText(ratio)}` }
    : {
        what,
        state: 'above-target',
        reason: `${shared}, past ${ratioText(ratio)}`,
      };
}

/**
 * Whether a new virtual machine fits its host: its memory within what the
 * host has (times the memory over-commit ratio), its vCPUs within the host's
 * CPUs (times the CPU ratio; past it, a warning as the inventory's validator
 * gives). Ratios default to the validator's: 4 vCPUs per CPU, no memory
 * over-commit.
 *
 * @public
 */
export function vmFit(
  request: VmRequest,
  host: HypervisorCapacity,
  overcommit: Overcommit = {},
): FitVerdict {
  const ratios = { ...DEFAULT_OVERCOMMIT, ...overcommit };
  return fitVerdict([
    cpuCheck(request, host, ratios.cpu),
    memoryCheck(request, host, ratios.memory),
  ]);
}
