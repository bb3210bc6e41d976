import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/**
 * The homelab page. Its tabs live under it in both frontend systems:
 * /overview (the first, where the page opens), /topology, /security,
 * /slos and /power.
 */
export const rootRouteRef = createRouteRef({ id: 'homelab' });

/** The paths of the homelab page's tabs, relative to {@link rootRouteRef}. */
export const TAB_PATHS = {
  overview: 'overview',
  topology: 'topology',
  security: 'security',
  slos: 'slos',
  power: 'power',
} as const;

/**
 * Where the "Promote" button opens the promotion template: the scaffolder's
 * template page, bound by default in the new frontend system.
 */
export const scaffolderTemplateRouteRef = createExternalRouteRef({
  id: 'scaffolder-template',
  optional: true,
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
