import { Device, DeviceKind } from '@homelab/plugin-homelab-common';
import { PathSegment } from '../problems';
import { closestMatch } from '../suggestions';
import { RuleContext, SECTION_NOUNS, Section } from './context';

/**
 * Resolves a reference, reporting it when nothing of that name exists. Returns
 * undefined both when the target is unknown and when it was itself rejected
 * (already reported), so callers check only what they can.
 */
export function resolve<T>(
  context: RuleContext,
  item: object,
  path: PathSegment[],
  section: Section,
  name: string,
): T | undefined {
  const target = context.index[section].get(name) as T | undefined;
  if (
    target ||
    context.rejectedNames[section].has(name) ||
    context.rejectedSections.has(section)
  ) {
    return target;
  }
  if (context.unreadableFiles.size > 0) {
    // It may be defined in a file that could not be read: one warning says so.
    context.uncheckedReferences.push(`${SECTION_NOUNS[section]} "${name}"`);
    return undefined;
  }
  const known = [...context.index[section].keys()];
  const suggestion = closestMatch(name, known);
  const listing =
    known.length === 0
      ? ` The inventory defines no ${section}.`
      : ` Known ${section}: ${known.slice(0, 12).join(', ')}${
          known.length > 12 ? ', ...' : ''
        }.`;
  context.error(
    item,
    path,
    'unknown-reference',
    `unknown ${SECTION_NOUNS[section]} "${name}"${
      suggestion ? `; did you mean "${suggestion}"?` : '.'
    }${listing}`,
  );
  return undefined;
}

export function expectKind(
  context: RuleContext,
  item: object,
  path: PathSegment[],
  device: Device | undefined,
  allowed: DeviceKind[],
  role: string,
) {
  if (device && device.kind !== 'unknown' && !allowed.includes(device.kind)) {
    context.error(
      item,
      path,
      'wrong-reference-kind',
      `"${device.name}" is a ${
        device.kind
      }, but ${role} must be a ${allowed.join(' or ')}`,
    );
  }
}
