import { KubernetesResourceType } from '@homelab/plugin-homelab-node';

/**
 * The API groups policy reports are written in, each with the versions this
 * plugin reads (newest first) and its namespaced and cluster-wide kinds:
 * the Policy WG's wgpolicyk8s.io (Kyverno until 1.15, Falco, kube-bench,
 * Trivy and KubeArmor adapters), its successor reports.x-k8s.io, and
 * openreports.io (Kyverno 1.15 and later with OpenReports).
 */
export const POLICY_REPORT_APIS = [
  {
    group: 'wgpolicyk8s.io',
    versions: ['v1beta1', 'v1alpha2', 'v1alpha1'],
    plurals: ['policyreports', 'clusterpolicyreports'],
  },
  {
    group: 'reports.x-k8s.io',
    versions: ['v1beta2', 'v1beta1'],
    plurals: ['policyreports', 'clusterpolicyreports'],
  },
  {
    group: 'openreports.io',
    versions: ['v1alpha1'],
    plurals: ['reports', 'clusterreports'],
  },
] as const;

/**
 * The policy report types a cluster serves, each group read once in the
 * newest version both the cluster and this plugin know (a CRD serves the
 * same objects in each of its versions); a warning for each group served
 * only in versions this plugin does not read, naming them, and one when the
 * cluster serves no policy reports at all.
 */
export function servedPolicyReportTypes(served: Map<string, string[]>): {
  types: KubernetesResourceType[];
  warnings: string[];
} {
  const types: KubernetesResourceType[] = [];
  const warnings: string[] = [];
  for (const api of POLICY_REPORT_APIS) {
    const versions = served.get(api.group);
    if (!versions?.length) continue;
    const version = api.versions.find(v => versions.includes(v));
    if (!version) {
      warnings.push(
        `Policy reports of ${
          api.group
        } are not read: the cluster serves ${versions
          .map(v => `${api.group}/${v}`)
          .join(', ')}, and this plugin reads ${api.versions
          .map(v => `${api.group}/${v}`)
          .join(', ')}`,
      );
      continue;
    }
    for (const plural of api.plurals)
      types.push({ group: api.group, version, plural });
  }
  if (!types.length && !warnings.length) {
    warnings.push(
      `No policy engine reports: the cluster serves none of ${POLICY_REPORT_APIS.map(
        api => api.group,
      ).join(', ')}`,
    );
  }
  return { types, warnings };
}
