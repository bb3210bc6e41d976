import { environmentName } from './environmentName';

describe('environmentName', () => {
  it('takes a name as it is', () => {
    expect(environmentName('staging')).toBe('staging');
  });

  it("takes the name of an environment System's entity reference, as catalog pickers give it", () => {
    expect(environmentName('system:default/production')).toBe('production');
    expect(environmentName('default/production')).toBe('production');
  });

  it('refuses references to other kinds and names that cannot be environments', () => {
    expect(() => environmentName('resource:default/production')).toThrow(
      'resource:default/production is not an environment: environments are System entities',
    );
    expect(() => environmentName('Prod Env')).toThrow(
      '"Prod Env" is not an environment name',
    );
  });
});
