import { InputError } from '@backstage/errors';
import { describeOrigin, Origin, originBelow } from './Origin';
import { Resource } from './Resource';

interface Operation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

const unescape = (segment: string) =>
  segment.replace(/~1/g, '/').replace(/~0/g, '~');

function pointer(text: string, origin: Origin): string[] {
  if (text === '') return [];
  if (!text.startsWith('/')) {
    throw new InputError(
      `${describeOrigin(origin)}: "${text}" is not a JSON pointer`,
    );
  }
  return text.slice(1).split('/').map(unescape);
}

/**
 * An RFC 6902 JSON patch applied as kustomize applies it, recording each
 * written value's origin (`[i].value` of the patch's operation i).
 */
export function applyJsonPatch(
  resource: Resource,
  operations: Operation[],
  origin: Origin,
): void {
  if (!Array.isArray(operations)) {
    throw new InputError(
      `${describeOrigin(origin)}: a JSON patch is a list of operations`,
    );
  }
  resource.patchedBy.push(origin);
  operations.forEach((operation, index) => {
    const at = originBelow(origin, index);
    const fail = (reason: string): never => {
      throw new InputError(
        `${describeOrigin(at)}: ${operation.op} ${operation.path} on ${
          resource.object.kind
        } ${resource.object.metadata?.name}: ${reason}`,
      );
    };
    const path = pointer(operation.path, at);
    const locate = (segments: string[]) => {
      let parent: any = resource.object;
      const resolved: Array<string | number> = [];
      for (const segment of segments.slice(0, -1)) {
        const next = Array.isArray(parent) ? Number(segment) : segment;
        if (
          parent === null ||
          typeof parent !== 'object' ||
          !(next in parent)
        ) {
          fail(`${segments.join('/')} does not exist`);
        }
        resolved.push(next);
        parent = parent[next];
      }
      const last = segments[segments.length - 1];
      if (parent === null || typeof parent !== 'object')
        fail('its parent is not a map or list');
      let key: string | number = last;
      if (Array.isArray(parent))
        key = last === '-' ? parent.length : Number(last);
      return { parent, key, resolved: [...resolved, key] };
    };
    const read = (segments: string[]) => {
      const { parent, key } = locate(segments);
      if (!(key in parent)) fail(`${segments.join('/')} does not exist`);
      return parent[key];
    };
    const remove = (segments: string[]) => {
      const { parent, key, resolved } = locate(segments);
      if (!(key in parent)) fail(`${segments.join('/')} does not exist`);
      resource.provenance.remove(resolved);
      if (Array.isArray(parent)) {
        parent.splice(key as number, 1);
        resource.provenance.shift(
          resolved.slice(0, -1),
          (key as number) + 1,
          -1,
        );
      } else delete parent[key];
    };
    const add = (segments: string[], value: unknown, from: Origin) => {
      if (!segments.length) fail('cannot replace the whole object');
      const { parent, key, resolved } = locate(segments);
      if (Array.isArray(parent)) {
        if ((key as number) > parent.length)
          fail(`index ${key} is past the end`);
        resource.provenance.shift(resolved.slice(0, -1), key as number, 1);
        parent.splice(key as number, 0, value);
      } else parent[key] = value;
      resource.provenance.set(resolved, value, from);
    };
    switch (operation.op) {
      case 'add':
        add(path, structuredClone(operation.value), originBelow(at, 'value'));
        break;
      case 'replace': {
        read(path);
        const { parent, key, resolved } = locate(path);
        parent[key] = structuredClone(operation.value);
        resource.provenance.set(
          resolved,
          parent[key],
          originBelow(at, 'value'),
        );
        break;
      }
      case 'remove':
        remove(path);
        break;
      case 'move':
      case 'copy': {
        const source = pointer(operation.from ?? '', at);
        // The moved or copied value is attributed to the operation.
        const value = structuredClone(read(source));
        if (operation.op === 'move') remove(source);
        add(path, value, at);
        break;
      }
      case 'test':
        if (JSON.stringify(read(path)) !== JSON.stringify(operation.value)) {
          fail('the test operation does not hold');
        }
        break;
      default:
        fail(`unknown operation ${(operation as Operation).op}`);
    }
  });
}
