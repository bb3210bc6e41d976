import semver from 'semver';

/**
 * Whether a version constraint names one version ("6.7.1", "v6.7.1"), as
 * opposed to a range Flux resolves ("\>=1.0.0-alpha", "6.x", "*" or none).
 *
 * @public
 */
export function isExactVersion(value: string | undefined): boolean {
  return value !== undefined && semver.valid(value) !== null;
}

/**
 * Whether two versions are the same: equal as semantic versions ("v6.7.1"
 * and "6.7.1"), or equal as strings when either is not one (image tags with
 * digests, git refs). Never by substring: 6.7.1 is not 6.7.10.
 *
 * @public
 */
export function sameVersion(
  a: string | undefined,
  b: string | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (semver.valid(a) && semver.valid(b)) return semver.eq(a, b);
  return a === b;
}

/**
 * Whether a version meets a constraint: the same version, or inside the
 * range (prereleases included, as Flux's semver constraints include them).
 *
 * @public
 */
export function meetsConstraint(
  version: string,
  constraint: string | undefined,
): boolean {
  if (constraint === undefined || constraint === '*') return true;
  if (sameVersion(version, constraint)) return true;
  return (
    semver.valid(version) !== null &&
    semver.validRange(constraint) !== null &&
    semver.satisfies(version, constraint, { includePrerelease: true })
  );
}
