import { parseLabelSelector } from './labelSelector';

// The selectors of the Kubernetes documentation's "Labels and Selectors"
// page (kubernetes/website content/en/docs/concepts/overview/working-with-objects/labels.md),
// and the labels Backstage's Kubernetes plugin asks for.
const production = { environment: 'production', tier: 'frontend' };
const qa = { environment: 'qa', tier: 'backend', partition: 'customerA' };
const dev = { environment: 'dev' };

const matching = (selector: string) =>
  [
    ['production', production],
    ['qa', qa],
    ['dev', dev],
    ['unlabelled', undefined],
  ]
    .filter(([, labels]) =>
      parseLabelSelector(selector)(labels as Record<string, string>),
    )
    .map(([name]) => name);

describe('parseLabelSelector', () => {
  it.each([
    ['environment = production', ['production']],
    ['environment == production', ['production']],
    ['tier != frontend', ['qa', 'dev', 'unlabelled']],
    ['environment=production,tier=frontend', ['production']],
    ['environment in (production, qa)', ['production', 'qa']],
    ['tier notin (frontend, backend)', ['dev', 'unlabelled']],
    ['partition', ['qa']],
    ['!partition', ['production', 'dev', 'unlabelled']],
    ['partition,environment notin (qa)', []],
    ['environment in (production, qa),tier', ['production', 'qa']],
    ['', ['production', 'qa', 'dev', 'unlabelled']],
  ])('%s selects %j', (selector, expected) => {
    expect(matching(selector)).toEqual(expected);
  });

  it("matches the plugin's own selector on the kubernetes-id label", () => {
    const matches = parseLabelSelector('backstage.io/kubernetes-id=nextcloud');

    expect(matches({ 'backstage.io/kubernetes-id': 'nextcloud' })).toBe(true);
    expect(matches({ 'backstage.io/kubernetes-id': 'nextcloud-db' })).toBe(
      false,
    );
  });

  it('names the requirement it cannot read, as the API server answers 400', () => {
    expect(() => parseLabelSelector('environment production')).toThrow(
      'unable to parse requirement: "environment production"',
    );
  });
});
