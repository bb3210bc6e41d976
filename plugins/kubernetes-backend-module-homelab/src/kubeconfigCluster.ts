import { KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';
import { parse } from 'yaml';

/** What a kubeconfig context gives the Kubernetes plugin, or why it cannot. */
type KubeconfigCluster =
  | {
      url: string;
      caData?: string;
      caFile?: string;
      skipTLSVerify: boolean;
      token?: string;
      tokenFile?: string;
    }
  | { unusable: string };

/**
 * kubectl's `tokenFile` of a user, which @kubernetes/client-node does not
 * read (it reads `token-file`, once, when loading).
 */
function tokenFileOf(text: string, userName: string): string | undefined {
  const users: unknown = parse(text)?.users;
  if (!Array.isArray(users)) return undefined;
  const user = users.find(u => u?.name === userName)?.user;
  return typeof user?.tokenFile === 'string' ? user.tokenFile : undefined;
}

/**
 * The API server and bearer token of a kubeconfig context. A user that
 * signs in otherwise (a client certificate, as k3s and Talos write the admin
 * kubeconfig, or an exec plugin) is unusable here: the Kubernetes plugin
 * takes a cluster supplier's credentials as a service account token only.
 */
export function kubeconfigCluster(
  path: string,
  context?: string,
): KubeconfigCluster {
  let text: string;
  const kubeConfig = new KubeConfig();
  try {
    text = fs.readFileSync(path, 'utf8');
    kubeConfig.loadFromString(text);
  } catch (error) {
    return {
      unusable: `its kubeconfig ${path} cannot be read: ${
        (error as Error).message
      }`,
    };
  }
  if (context && !kubeConfig.getContextObject(context)) {
    return {
      unusable: `its kubeconfig has no context "${context}" (it has ${
        kubeConfig
          .getContexts()
          .map(c => `"${c.name}"`)
          .join(', ') || 'none'
      })`,
    };
  }
  if (context) kubeConfig.setCurrentContext(context);
  const contextName = kubeConfig.getCurrentContext();
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) {
    return { unusable: `its context "${contextName}" names no cluster` };
  }
  const user = kubeConfig.getCurrentUser();
  const tokenFile =
    (user && tokenFileOf(text, user.name)) ??
    user?.authProvider?.config?.tokenFile;
  if (!user || (!user.token && !tokenFile)) {
    let how = 'no token';
    if (user?.certData || user?.certFile) how = 'a client certificate';
    else if (user?.exec) how = 'an exec plugin';
    return {
      unusable: `the user of its context "${contextName}" signs in with ${how}; the Kubernetes plugin needs a service account token (homelab.clusters: url, caData and token or tokenFile)`,
    };
  }
  return {
    url: cluster.server,
    caData: cluster.caData,
    caFile: cluster.caFile,
    skipTLSVerify: cluster.skipTLSVerify,
    // A token file is read at each use (projected tokens rotate).
    ...(tokenFile ? { tokenFile } : { token: user.token }),
  };
}
