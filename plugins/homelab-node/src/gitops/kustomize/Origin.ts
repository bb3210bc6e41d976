/**
 * Where a value was written in the repository: the file, the document in it,
 * and the path to the value inside that document. A value inside an inline
 * patch (a YAML text held by a string field, like a kustomization's
 * `patches[0].patch`) names that field in `inlineAt` and the path inside the
 * inline text in `path`.
 *
 * @public
 */
export interface Origin {
  file: string;
  document: number;
  path: Array<string | number>;
  inlineAt?: Array<string | number>;
}

/** The origin of a value below `origin`. */
export function originBelow(
  origin: Origin,
  ...path: Array<string | number>
): Origin {
  return { ...origin, path: [...origin.path, ...path] };
}

/** "apps/staging/podinfo-values.yaml: spec.chart.spec.version", for messages. */
export function describeOrigin(origin: Origin): string {
  const inner = (path: Array<string | number>) =>
    path
      .map((segment, index) =>
        typeof segment === 'number'
          ? `[${segment}]`
          : `${index === 0 ? '' : '.'}${segment}`,
      )
      .join('');
  const document =
    origin.document > 0 ? ` (document ${origin.document + 1})` : '';
  const inline = origin.inlineAt ? `${inner(origin.inlineAt)} → ` : '';
  return `${origin.file}${document}: ${inline}${inner(origin.path)}`;
}
