import type { InventoryInputFile } from './parseInventory';
import { InventoryProblem } from './problems';

/**
 * The text of an inventory file, or why it has none that can be YAML: too
 * large, not UTF-8, or binary. A byte-order mark is dropped.
 */
export function decodeInventoryText(
  file: InventoryInputFile,
  maxFileBytes: number,
): { text?: string; problem?: Omit<InventoryProblem, 'file' | 'path'> } {
  const bytes =
    typeof file.content === 'string'
      ? Buffer.byteLength(file.content)
      : file.content.byteLength;
  if (bytes > maxFileBytes) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return {
      problem: {
        severity: 'error',
        rule: 'file-too-large',
        message: `the file is ${mb(bytes)} MiB, larger than the ${mb(
          maxFileBytes,
        )} MiB limit for one inventory file; split it into several files in a folder`,
      },
    };
  }
  let text: string;
  if (typeof file.content === 'string') {
    text = file.content;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
    } catch {
      return {
        problem: {
          severity: 'error',
          rule: 'not-text',
          message:
            'the file is not UTF-8 text; inventory files must be YAML saved as UTF-8',
        },
      };
    }
  }
  if (text.includes('\u0000')) {
    return {
      problem: {
        severity: 'error',
        rule: 'not-text',
        message:
          'the file contains NUL bytes, so it is binary rather than YAML text',
      },
    };
  }
  return { text: text.replace(/^\uFEFF/, '') };
}
