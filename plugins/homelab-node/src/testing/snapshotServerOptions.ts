import fs from 'node:fs';
import path from 'node:path';
import type { KubernetesApiTestServerOptions } from './KubernetesApiTestServer';

function filesUnder(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * What a {@link KubernetesApiTestServer} needs to serve a recorded snapshot
 * folder (the format of homelab.clusters[].snapshotDirectory) through the
 * API paths a live cluster has: `<plural>.json` under /api/v1,
 * `<plural>.<group>.json` under /apis/<group>/<version> in the version its
 * objects have (for an empty list, the group's preferred version in
 * apis.json), apis.json as /apis, and files under
 * proxy/<namespace>/<service>/ as service proxy answers.
 *
 * @public
 */
export function snapshotServerOptions(
  directory: string,
): Pick<KubernetesApiTestServerOptions, 'collections' | 'documents'> {
  const apisFile = path.join(directory, 'apis.json');
  const apis = fs.existsSync(apisFile)
    ? (JSON.parse(fs.readFileSync(apisFile, 'utf8')) as {
        groups: Array<{ name: string; versions: Array<{ version: string }> }>;
      })
    : { groups: [] };
  const versionOf = new Map(
    apis.groups.map(group => [group.name, group.versions[0]?.version]),
  );
  const collections: Record<string, unknown[]> = {};
  const documents: Record<string, unknown> = { '/apis': apis };
  for (const file of filesUnder(directory)) {
    const relative = path.relative(directory, file).split(path.sep);
    if (relative[0] === 'proxy') {
      const [, namespace, service, ...rest] = relative;
      documents[
        `/api/v1/namespaces/${namespace}/services/${service}/proxy/${rest.join(
          '/',
        )}`
      ] = fs.readFileSync(file, 'utf8');
      continue;
    }
    const name = relative.join('/');
    if (
      relative.length > 1 ||
      name === 'apis.json' ||
      !name.endsWith('.json')
    ) {
      continue;
    }
    const [plural, ...groupParts] = name.slice(0, -'.json'.length).split('.');
    const group = groupParts.join('.');
    const items = (
      JSON.parse(fs.readFileSync(file, 'utf8')) as {
        items: Array<{ apiVersion?: string }>;
      }
    ).items;
    if (group === '') {
      collections[`/api/v1/${plural}`] = items;
      continue;
    }
    // Served in the version the objects were recorded in; an empty list in
    // the group's preferred version.
    const version = items[0]?.apiVersion?.split('/')[1] ?? versionOf.get(group);
    if (!version) {
      throw new Error(`${file}: apis.json does not list the group ${group}`);
    }
    collections[`/apis/${group}/${version}/${plural}`] = items;
  }
  return { collections, documents };
}
