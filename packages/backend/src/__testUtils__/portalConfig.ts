import { ConfigReader } from '@backstage/config';
import { loadConfig } from '@backstage/config-loader';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../../..');
const backendDir = path.resolve(__dirname, '../..');

const isUrl = (target: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
const absolute = (target: string) =>
  isUrl(target) ? target : path.resolve(backendDir, target);

/**
 * The portal's own app-config.yaml, as plain data for a test backend, with
 * its file paths made absolute the way the backend resolves them: relative
 * to packages/backend, where `npm start` runs it.
 */
export async function portalConfig(): Promise<Record<string, any>> {
  const { appConfigs } = await loadConfig({
    configRoot: repoRoot,
    configTargets: [{ path: path.join(repoRoot, 'app-config.yaml') }],
  });
  const config =
    ConfigReader.fromConfigs(appConfigs).get<Record<string, any>>();
  for (const location of config.catalog.locations) {
    if (location.type === 'file') location.target = absolute(location.target);
  }
  for (const location of config.homelab.inventory.locations) {
    location.target = absolute(location.target);
  }
  for (const cluster of config.homelab.clusters) {
    if (cluster.snapshotDirectory)
      cluster.snapshotDirectory = absolute(cluster.snapshotDirectory);
  }
  if (config.homelab.prometheus?.snapshotDirectory) {
    config.homelab.prometheus.snapshotDirectory = absolute(
      config.homelab.prometheus.snapshotDirectory,
    );
  }
  return config;
}
