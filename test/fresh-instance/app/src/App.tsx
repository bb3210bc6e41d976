// create-app's App.tsx without its nav and home modules: the other plugins,
// the homelab one among them, come from package discovery (app.packages).
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';

export default createApp({
  features: [catalogPlugin],
});
