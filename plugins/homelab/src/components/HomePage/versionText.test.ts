import { versionText } from './versionText';

describe('versionText', () => {
  it('cuts a Flux revision’s digest to 7 characters', () => {
    // Revisions as Flux's source-controller writes them (status.artifact.revision).
    expect(
      versionText('main@sha1:9b27d4e0c8a15f63e2d7b91c4a08f5e6d3c2b1a7'),
    ).toBe('main@9b27d4e');
    expect(
      versionText(
        'v6.5.2@sha256:2e1c6b9a1f4d8e0c7b3a5d9e8f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c',
      ),
    ).toBe('v6.5.2@2e1c6b9');
  });

  it('leaves chart and image versions as they are', () => {
    for (const version of ['6.5.2', 'v1.16.2', '0.2.103', '2024.11.1'])
      expect(versionText(version)).toBe(version);
  });
});
