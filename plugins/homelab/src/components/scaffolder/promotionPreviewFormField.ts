import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { PromotionPreviewField } from './PromotionPreviewField';

/** The promotion preview as a form field of the new frontend system. */
export const promotionPreviewFormField = createFormField({
  name: 'HomelabPromotionPreview',
  component: PromotionPreviewField,
});
