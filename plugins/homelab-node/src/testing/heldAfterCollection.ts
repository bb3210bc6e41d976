import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Whether anything still holds the target of `ref` after a full garbage
 * collection: how a test tells that code let go of what it was handed, such
 * as a page of a long list once the next page is on its way.
 *
 * A WeakRef keeps its target alive until the end of the job that made or
 * last read it, so the collection runs in a later job, and the target is
 * looked at in one after that.
 *
 * @public
 */
export async function heldAfterCollection(
  ref: WeakRef<object>,
): Promise<boolean> {
  if (!collect) {
    // Asked for here, not when the test helpers load: only a test that
    // looks needs V8's gc().
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  await new Promise(resolve => setImmediate(resolve));
  collect();
  await new Promise(resolve => setImmediate(resolve));
  return ref.deref() !== undefined;
}
