/**
 * A version as a person reads it in a table cell: a Flux revision
 * ("main@sha1:9b27d4e0c8a1…", "v1.2.3@sha256:1a2b…", "sha256:1a2b…") with
 * its digest cut to the first 7 characters, as git shows commits; chart and
 * image versions as they are. The full revision stays in the cell's title.
 */
export function versionText(version: string): string {
  return version.replace(/\b(?:sha1|sha256):([0-9a-f]{7})[0-9a-f]+\b/g, '$1');
}
