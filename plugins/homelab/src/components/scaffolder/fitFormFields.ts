import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { AppFitField } from './AppFitField';
import { NodeFitField } from './NodeFitField';

/** The deploy template's "Will it fit" as a form field of the new frontend system. */
export const appFitFormField = createFormField({
  name: 'HomelabAppFit',
  component: AppFitField,
});

/** The provision template's "Will it fit" as a form field of the new frontend system. */
export const nodeFitFormField = createFormField({
  name: 'HomelabNodeFit',
  component: NodeFitField,
});
