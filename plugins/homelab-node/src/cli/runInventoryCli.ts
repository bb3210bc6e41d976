import { inventoryJsonSchema } from '@homelab/plugin-homelab-common';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_MAX_FILE_BYTES,
  InventoryInputFile,
} from '../inventory/parseInventory';
import { formatProblem } from '../inventory/problems';
import { readInventoryFromPath } from '../inventory/readInventory';
import { validateInventoryFiles } from '../inventory/validateInventory';
import { generateInventoryDocs } from '../docs/generateInventoryDocs';
import { inventoryReferenceMarkdown } from '../docs/inventoryReference';
import { writeGeneratedDocs } from '../docs/writeGeneratedDocs';
import { migrateInventoryText } from '../inventory/migration/migrateInventoryText';
import fs from 'node:fs';
import { ProxmoxSource } from '../proxmox/proxmoxSources';
import { HOST_FLAG_OPTIONS, hostConnection } from './hostFlags';
import { importNetbox } from './importNetboxCommand';
import { proxmoxStarterInventory } from '../proxmox/proxmoxStarterInventory';
import { readClusterResources } from '../proxmox/readClusterResources';
import { initInventory } from './initCommand';

/**
 * Where the command writes and what it resolves paths against; `process` fits.
 *
 * @public
 */
export interface CliIo {
  /** Receives problems and the summary. */
  stdout: { write(text: string): unknown };
  /** Receives usage and read errors. */
  stderr: { write(text: string): unknown };
  /** The directory inventory paths are relative to. */
  cwd(): string;
  /** Environment variables, where secrets come from (never from arguments). */
  env?: Record<string, string | undefined>;
  /** Where answers to questions come from; asked only when it is a terminal. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

const USAGE = `Usage:
  homelab-inventory init [--out <file>] [--site <name>] [options]
  homelab-inventory validate [options] <path>...
  homelab-inventory docs [--out <folder>] [--check] <path>
  homelab-inventory migrate [--write] <path>
  homelab-inventory import proxmox (--url <url> --token-id <id> | --recorded <file>) [options]
  homelab-inventory import netbox (--url <url> | --recorded <folder>) [options]
  homelab-inventory schema
  homelab-inventory reference

init      Writes a commented starter inventory (the site and its first network)
          that validates as it is; on a terminal it asks for what the options
          do not give. See homelab-inventory init --help.
validate  Checks homelab inventories (a YAML file, or a folder of them) with the
          same rules as the Backstage catalog module, and prints every problem
          as  file:line:column: severity: path: message [rule]
docs      Generates the homelab's architecture docs (an MkDocs site: mkdocs.yml
          and docs/) from a valid inventory into --out (default: the current
          folder). Files it did not generate are never replaced. With --check it
          writes nothing and fails when the docs there are not current.
          An invalid inventory fails with the validator's problems.
migrate   Shows what turns the homelab.dev/v1alpha1 files of an inventory into
          homelab.dev/v1alpha2 (the validator reads both), and what the new
          version reads differently for you to decide; with --write it changes
          the files, keeping their comments. Files with YAML errors are left.
import    Prints a starter inventory (homelab.dev/v1alpha2, commented) from what a
          Proxmox VE server says of its nodes, guests and storage, for you to
          complete with hardware, networks and addresses. The API token's secret
          is read from PROXMOX_TOKEN_SECRET, never from an argument.
          From NetBox: its prefixes and VLANs as networks, its devices with
          their addresses and cables, for you to complete with hardware; the
          token is read from NETBOX_TOKEN; --netbox-site <slug> reads one site.
          Options: --site <name>, --owner <entity ref>, --ca-file <pem>,
          --insecure (skip TLS verification).
schema    Prints the JSON Schema of an inventory file, for editors.
reference Prints the inventory format's reference as Markdown.

Options of validate:
  --format <text|json>   output format (default: text)
  --strict               fail on warnings as well as errors
  --max-file-size <MiB>  largest inventory file accepted (default: 10)
  -h, --help             show this help

Exit status: 0 when valid (docs: written or current), 1 when problems fail the
run (docs: invalid inventory, hand-written files in the way, or --check finds
stale docs), 2 on usage or read errors.
`;

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

async function validate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      strict: { type: 'boolean', default: false },
      'max-file-size': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0 || !['text', 'json'].includes(values.format)) {
    io.stderr.write(USAGE);
    return 2;
  }
  const maxFileMiB = values['max-file-size']
    ? Number(values['max-file-size'])
    : undefined;
  if (maxFileMiB !== undefined && !(maxFileMiB > 0)) {
    io.stderr.write('--max-file-size must be a positive number of MiB\n');
    return 2;
  }

  let exitCode = 0;
  const reports = [];
  for (const target of positionals) {
    let files: InventoryInputFile[];
    try {
      files = await readInventoryFromPath(path.resolve(io.cwd(), target));
    } catch (error) {
      io.stderr.write(`${target}: ${(error as Error).message}\n`);
      exitCode = 2;
      continue;
    }
    // Problems name files as the user typed them, relative to where they stand.
    const named = files.map(file => ({
      ...file,
      name: path.relative(io.cwd(), file.name) || file.name,
    }));
    const result = validateInventoryFiles(named, {
      maxFileBytes: maxFileMiB
        ? maxFileMiB * 1024 * 1024
        : DEFAULT_MAX_FILE_BYTES,
    });
    const failed =
      result.errorCount > 0 || (values.strict && result.warningCount > 0);
    if (failed && exitCode === 0) exitCode = 1;
    reports.push({ target, files: named.length, ...result });
  }

  if (values.format === 'json') {
    io.stdout.write(
      `${JSON.stringify(
        reports.map(
          ({ target, files, problems, errorCount, warningCount }) => ({
            inventory: target,
            files,
            valid: errorCount === 0,
            errorCount,
            warningCount,
            problems,
          }),
        ),
        null,
        2,
      )}\n`,
    );
  } else {
    for (const report of reports) {
      for (const problem of report.problems)
        io.stdout.write(`${formatProblem(problem)}\n`);
      const verdict = report.errorCount === 0 ? 'valid' : 'invalid';
      io.stdout.write(
        `${report.target}: ${verdict}: ${plural(
          report.errorCount,
          'error',
        )}, ${plural(report.warningCount, 'warning')} in ${plural(
          report.files,
          'file',
        )}\n`,
      );
    }
  }
  return exitCode;
}

async function docs(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: '.' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  const [target] = positionals;
  let files: InventoryInputFile[];
  try {
    files = await readInventoryFromPath(path.resolve(io.cwd(), target));
  } catch (error) {
    io.stderr.write(`${target}: ${(error as Error).message}\n`);
    return 2;
  }
  const validation = validateInventoryFiles(
    files.map(file => ({
      ...file,
      name: path.relative(io.cwd(), file.name) || file.name,
    })),
  );
  if (!validation.inventory) {
    for (const problem of validation.problems)
      io.stdout.write(`${formatProblem(problem)}\n`);
    io.stdout.write(
      `${target}: invalid: ${plural(
        validation.errorCount,
        'error',
      )}; no docs generated\n`,
    );
    return 1;
  }
  const out = path.resolve(io.cwd(), values.out);
  const result = await writeGeneratedDocs(
    out,
    generateInventoryDocs(validation.inventory),
    { dryRun: values.check },
  );
  const where = path.relative(io.cwd(), out) || '.';
  if (result.conflicts.length) {
    io.stdout.write(
      `${where}: not generated by homelab-inventory, so not replaced (nothing was written): ${result.conflicts.join(
        ', ',
      )}\n`,
    );
    return 1;
  }
  if (values.check) {
    if (result.written.length) {
      io.stdout.write(
        `${where}: docs are not current; run homelab-inventory docs --out ${where} ${target}. Stale: ${result.written.join(
          ', ',
        )}\n`,
      );
      return 1;
    }
    io.stdout.write(`${where}: docs are current\n`);
    return 0;
  }
  io.stdout.write(
    `${where}: ${plural(result.written.length, 'file')} written, ${
      result.unchanged.length
    } unchanged\n`,
  );
  return 0;
}

async function migrate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { write: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  const files = await readInventoryFromPath(
    path.resolve(io.cwd(), positionals[0]),
  );
  let changed = 0;
  for (const file of files) {
    const name = path.relative(io.cwd(), file.name) || file.name;
    const migration = migrateInventoryText(file.content.toString('utf8'));
    for (const line of migration.changes) io.stdout.write(`${name}: ${line}\n`);
    for (const line of migration.notes)
      io.stdout.write(`${name}: note: ${line}\n`);
    if (migration.changes.length === 0) continue;
    changed++;
    if (values.write) fs.writeFileSync(file.name, migration.text);
  }
  io.stdout.write(
    `${positionals[0]}: ${plural(changed, 'file')} ${
      values.write ? 'migrated' : 'to migrate (run with --write to change them)'
    }\n`,
  );
  return 0;
}

async function importProxmox(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...HOST_FLAG_OPTIONS,
      'token-id': { type: 'string' },
      recorded: { type: 'string' },
      site: { type: 'string', default: 'lab' },
      owner: { type: 'string', default: 'group:default/homelab-admins' },
    },
  });
  const secret = io.env?.PROXMOX_TOKEN_SECRET;
  const live = Boolean(values.url || values['token-id']);
  if (
    positionals[0] !== 'proxmox' ||
    live === Boolean(values.recorded) ||
    (live && !(values.url && values['token-id'] && secret))
  ) {
    io.stderr.write(
      'homelab-inventory import proxmox needs --url, --token-id and PROXMOX_TOKEN_SECRET in the environment, or --recorded <file>\n',
    );
    return 2;
  }
  const source: ProxmoxSource = values.recorded
    ? {
        name: 'recorded',
        recordedResources: path.resolve(io.cwd(), values.recorded),
      }
    : {
        name: new URL(values.url!).hostname,
        api: {
          ...hostConnection(values, io),
          tokenId: values['token-id']!,
          tokenSecret: secret!,
        },
      };
  const resources = await readClusterResources(source);
  io.stdout.write(
    proxmoxStarterInventory(resources, {
      source: source.name,
      site: values.site!,
      owner: values.owner!,
      readAt: new Date(),
    }),
  );
  return 0;
}

/**
 * The homelab-inventory command. Returns the exit status.
 *
 * @public
 */
export async function runInventoryCli(
  argv: string[],
  io: CliIo,
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return await initInventory(rest, io);
      case 'validate':
        return await validate(rest, io);
      case 'docs':
        return await docs(rest, io);
      case 'migrate':
        return await migrate(rest, io);
      case 'import':
        return rest[0] === 'netbox'
          ? await importNetbox(rest.slice(1), io)
          : await importProxmox(rest, io);
      case 'reference':
        io.stdout.write(inventoryReferenceMarkdown());
        return 0;
      case 'schema':
        io.stdout.write(`${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`);
        return 0;
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      default:
        io.stderr.write(USAGE);
        return 2;
    }
  } catch (error) {
    io.stderr.write(`homelab-inventory: ${(error as Error).message}\n`);
    return 2;
  }
}
