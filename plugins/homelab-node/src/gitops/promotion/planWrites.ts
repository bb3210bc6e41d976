import { InputError } from '@backstage/errors';
import { isMap, parseDocument, stringify } from 'yaml';
import { AppInEnvironment, VersionSlot } from '../apps/findApp';
import { ChangedFile, PlannedFiles } from '../files/PlannedFiles';
import { RepositoryFiles, repositoryPath } from '../files/RepositoryFiles';
import { AppliedObject } from '../flux/renderEnvironment';
import { describeOrigin, Origin } from '../kustomize/Origin';
import { describeResource } from '../kustomize/Resource';
import { GitopsLayout } from '../layouts/detectLayout';
import { applyYamlEdits } from '../yaml/editYaml';
import { editKustomization } from '../kustomize/editKustomization';

/** A version to write where a slot of the target environment is decided. */
export interface SlotWrite {
  slot: VersionSlot;
  value: string;
}

interface PlannedChange {
  slot: string;
  label: string;
  before?: string;
  after: string;
  origin: Origin;
}

/**
 * Where a value that came through a postBuild variable is set: the
 * variable's own definition, with the part of the value it supplies.
 */
function throughVariable(
  slot: VersionSlot,
  value: string,
): { origin: Origin; value: string } | string {
  const { template, variables } = slot.substituted!;
  const names = Object.keys(variables);
  const token = template.match(/\$\{([_a-zA-Z][_a-zA-Z0-9]*)[^}]*\}/);
  if (names.length !== 1 || !token) {
    return `${slot.label} is written as "${template}", from ${names.length} postBuild variables`;
  }
  const [prefix, suffix] = [
    template.slice(0, token.index),
    template.slice(token.index! + token[0].length),
  ];
  if (!value.startsWith(prefix) || !value.endsWith(suffix)) {
    return `${slot.label} is written as "${template}", which ${value} does not fit`;
  }
  const origin = variables[names[0]].origin;
  if (!origin) {
    return `${slot.label} comes from the postBuild variable ${names[0]}, which a Secret or ConfigMap outside the repository sets`;
  }
  return {
    origin,
    value: value.slice(prefix.length, value.length - suffix.length),
  };
}

/**
 * Plans the file edits that make the target environment run the promoted
 * values: each value is edited where the target's build takes it from when
 * only the target reads that file; otherwise an override goes into the
 * target's own overlay (an existing patch of the object, or a new patch
 * file wired into the overlay's kustomization).
 */
export async function planWrites(
  repo: RepositoryFiles,
  layout: GitopsLayout,
  to: AppInEnvironment,
  writes: SlotWrite[],
  othersRead: ReadonlySet<string>,
): Promise<{
  files: ChangedFile[];
  changes: PlannedChange[];
  notes: string[];
}> {
  const files = new PlannedFiles(repo);
  const changes: PlannedChange[] = [];
  const notes: string[] = [];
  const exclusive = (file: string) => !othersRead.has(file);
  for (const { slot, value } of writes) {
    let origin = slot.origin;
    let written = value;
    if (slot.substituted) {
      const traced = throughVariable(slot, value);
      if (typeof traced === 'string') throw new InputError(traced);
      ({ origin, value: written } = traced);
    }
    // A value inside a patch that sits inside another patch's text has no
    // place of its own to edit.
    const nested = origin?.inlineAt && origin.path.length === 0;
    if (origin && exclusive(origin.file) && !nested) {
      const edit = {
        document: origin.document,
        path: origin.path,
        inlineAt: origin.inlineAt,
        value: written,
      };
      const file = origin.file;
      await files.edit(file, text => applyYamlEdits(file, text, [edit]));
      changes.push({
        slot: slot.id,
        label: slot.label,
        before: slot.value,
        after: value,
        origin,
      });
      continue;
    }
    const override = await overrideInOverlay(
      files,
      layout,
      to,
      slot.object,
      slot.path,
      value,
      exclusive,
    );
    if (!override) {
      throw new InputError(
        `${slot.label} of ${to.environment.name} is ${
          origin
            ? `set in ${describeOrigin(
                origin,
              )}, which other environments read too`
            : 'not set'
        }, and ${to.environment.name} has no overlay of its own to set it in`,
      );
    }
    notes.push(override.note);
    changes.push({
      slot: slot.id,
      label: slot.label,
      before: slot.value,
      after: value,
      origin: override.origin,
    });
  }
  return { files: files.changed(), changes, notes };
}

/**
 * Sets a value of an object through the overlay of the target environment:
 * the folder of the Flux Kustomization that builds it, when that folder's
 * kustomization is the target's alone.
 */
async function overrideInOverlay(
  files: PlannedFiles,
  layout: GitopsLayout,
  to: AppInEnvironment,
  object: AppliedObject,
  path: Array<string | number>,
  value: string,
  exclusive: (file: string) => boolean,
): Promise<{ origin: Origin; note: string } | undefined> {
  if (layout.id !== 'flux2-kustomize-helm-example') return undefined;
  const folder = to.environment.builds.find(
    b => b.kustomization === object.appliedBy,
  )?.folder;
  if (folder === undefined) return undefined;
  const kustomization = repositoryPath(folder, 'kustomization.yaml');
  if (
    !exclusive(kustomization) ||
    (await files.read(kustomization)) === undefined
  )
    return undefined;
  const resource = object.resource;
  const existing = [...resource.patchedBy]
    .reverse()
    .find(
      o => !o.inlineAt && o.file.startsWith(`${folder}/`) && exclusive(o.file),
    );
  if (existing) {
    const text = (await files.read(existing.file))!;
    if (isMap(parseDocument(text).contents)) {
      const origin = { file: existing.file, document: existing.document, path };
      await files.edit(existing.file, t =>
        applyYamlEdits(existing.file, t, [
          { document: existing.document, path, value },
        ]),
      );
      return {
        origin,
        note: `${existing.file} now also sets ${path.join('.')} for ${
          to.environment.name
        }.`,
      };
    }
  }
  const app = resource.object.metadata.name;
  const suffix = resource.object.kind === 'HelmRelease' ? 'values' : 'source';
  let file = repositoryPath(folder, `${app}-${suffix}.yaml`);
  if ((await files.read(file)) !== undefined) {
    file = repositoryPath(
      folder,
      `${app}-${resource.object.kind.toLowerCase()}-patch.yaml`,
    );
  }
  const patch: Record<string, any> = {
    apiVersion: resource.object.apiVersion,
    kind: resource.object.kind,
    metadata: {
      name: app,
      ...(resource.object.metadata.namespace
        ? { namespace: resource.object.metadata.namespace }
        : {}),
    },
  };
  const document = parseDocument(stringify(patch));
  document.setIn(path, value);
  await files.write(file, document.toString({ lineWidth: 0 }));
  await files.edit(kustomization, text =>
    editKustomization(kustomization, text, {
      patches: [
        {
          path: file.slice(folder.length + 1),
          target: { kind: resource.object.kind, name: app },
        },
      ],
    }),
  );
  return {
    origin: { file, document: 0, path },
    note: `${describeResource(resource.object)} took ${path.join(
      '.',
    )} from a file ${to.environment.name} shares; ${file} now sets it for ${
      to.environment.name
    } alone.`,
  };
}
