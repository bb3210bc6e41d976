import { HypervisorCapacity } from '../api/capacity';
import { vmFit } from './vmFit';

const GiB = 2 ** 30;

/** The example's Proxmox VE server as its recorded answer has it: one guest of 4 vCPUs and 8 GiB. */
const proxmox: HypervisorCapacity = {
  entityRef: 'resource:default/proxmox',
  name: 'proxmox',
  cpus: 16,
  memoryBytes: 62.7 * GiB,
  source: 'proxmox',
  observedAt: '2026-11-28T12:00:00Z',
  allocatedVcpus: 4,
  allocatedMemoryBytes: 8 * GiB,
  guests: [],
};

describe('vmFit', () => {
  it('fits a VM within the host, with the figures after it', () => {
    expect(vmFit({ vcpus: 2, memoryBytes: 4 * GiB }, proxmox)).toEqual({
      state: 'fits',
      checks: [
        {
          what: 'vCPUs',
          state: 'fits',
          reason: "6 vCPUs on 16 CPUs as Proxmox VE reports with this VM's 2",
        },
        {
          what: 'Memory',
          state: 'fits',
          reason:
            "12.0 GiB of 62.7 GiB as Proxmox VE reports with this VM's 4.0 GiB",
        },
      ],
    });
  });

  it('refuses memory past the host and warns past the CPU over-commit ratio', () => {
    const full = {
      ...proxmox,
      allocatedVcpus: 60,
      allocatedMemoryBytes: 60 * GiB,
    };
    const verdict = vmFit({ vcpus: 8, memoryBytes: 4 * GiB }, full);
    expect(verdict.state).toBe('does-not-fit');
    expect(verdict.checks.map(check => [check.state, check.reason])).toEqual([
      [
        'above-target',
        "68 vCPUs on 16 CPUs as Proxmox VE reports with this VM's 8, over-committed 4.25:1, past 4:1",
      ],
      [
        'does-not-fit',
        "64.0 GiB of 62.7 GiB as Proxmox VE reports with this VM's 4.0 GiB: more than the host has",
      ],
    ]);
  });

  it("honours the host's own ratios", () => {
    const full = { ...proxmox, allocatedMemoryBytes: 60 * GiB };
    const verdict = vmFit({ vcpus: 2, memoryBytes: 4 * GiB }, full, {
      memory: 1.5,
    });
    expect(verdict.state).toBe('fits');
  });

  it('refuses more vCPUs than the host has CPUs', () => {
    expect(vmFit({ vcpus: 32, memoryBytes: GiB }, proxmox).checks[0]).toEqual({
      what: 'vCPUs',
      state: 'does-not-fit',
      reason: "32 vCPUs, more than proxmox's 16 CPUs",
    });
  });

  it('is unknown where the inventory states nothing of the host', () => {
    const unknownHost = {
      ...proxmox,
      cpus: null,
      memoryBytes: null,
      source: 'inventory' as const,
    };
    expect(vmFit({ vcpus: 2, memoryBytes: GiB }, unknownHost)).toEqual({
      state: 'unknown',
      checks: [
        {
          what: 'vCPUs',
          state: 'unknown',
          reason: "proxmox's CPUs are not known",
        },
        {
          what: 'Memory',
          state: 'unknown',
          reason: "proxmox's memory is not known",
        },
      ],
    });
  });
});
