import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleHomelab } from './module';

/** The scaffolder's side of the extension point: what modules add to it. */
function scaffolderReceiving(actions: TemplateAction<any, any, any>[]) {
  return createBackendPlugin({
    pluginId: 'scaffolder',
    register(env) {
      env.registerExtensionPoint(scaffolderActionsExtensionPoint, {
        addActions: (...added) => actions.push(...added),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('scaffolderModuleHomelab', () => {
  it('gives the scaffolder every homelab action, with no configuration needed', async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    const backend = await startTestBackend({
      features: [
        scaffolderReceiving(actions),
        scaffolderModuleHomelab,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    try {
      expect(actions.map(action => action.id)).toEqual([
        'homelab:flux:deploy',
        'homelab:flux:promote',
        'homelab:node:provision',
        'homelab:inventory:add-device',
        'homelab:docs:generate',
        'homelab:repository:checkout',
        'homelab:repository:commit',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
