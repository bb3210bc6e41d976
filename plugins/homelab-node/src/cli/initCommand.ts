import {
  UNKNOWN,
  cidr,
  inventoryName,
  ipAddress,
} from '@homelab/plugin-homelab-common';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { formatProblem } from '../inventory/problems';
import { validateInventoryFiles } from '../inventory/validateInventory';
import type { CliIo } from './runInventoryCli';
import { StarterAnswers, starterInventory } from './starterInventory';

/** One question of `init`: its flag, what it asks, and how an answer is checked. */
interface Question {
  flag: keyof typeof OPTIONS;
  ask: string;
  /** Used for an empty answer; without it (and not optional) an answer is needed. */
  fallback?: string;
  optional?: boolean;
  /** Why the answer is not accepted, or undefined when it is. */
  check(answer: string): string | undefined;
}

const OPTIONS = {
  site: { type: 'string' },
  title: { type: 'string' },
  owner: { type: 'string' },
  timezone: { type: 'string' },
  network: { type: 'string' },
  cidr: { type: 'string' },
  gateway: { type: 'string' },
  vlan: { type: 'string' },
} as const;

const zodCheck =
  (schema: {
    safeParse(value: unknown): {
      success: boolean;
      error?: { issues: { message: string }[] };
    };
  }) =>
  (answer: string) => {
    const result = schema.safeParse(answer);
    return result.success ? undefined : result.error?.issues[0]?.message;
  };

const QUESTIONS: Question[] = [
  {
    flag: 'site',
    ask: 'Name of the homelab (lower case, like "home-lab")',
    check: zodCheck(inventoryName),
  },
  {
    flag: 'title',
    ask: 'Its title as people read it',
    optional: true,
    check: () => undefined,
  },
  {
    flag: 'owner',
    ask: 'Catalog owner of everything in it',
    fallback: 'group:default/homelab-admins',
    check: answer => (answer.trim() ? undefined : 'must not be empty'),
  },
  {
    flag: 'timezone',
    ask: 'IANA time zone, like Europe/Stockholm',
    optional: true,
    check: answer =>
      Intl.supportedValuesOf('timeZone').includes(answer) || answer === 'UTC'
        ? undefined
        : 'is not an IANA time zone name such as "Europe/Stockholm"',
  },
  {
    flag: 'network',
    ask: 'Name of your main network',
    fallback: 'lan',
    check: zodCheck(inventoryName),
  },
  {
    flag: 'cidr',
    ask: `Its address block, like 192.168.1.0/24 ("${UNKNOWN}" if you do not know it)`,
    fallback: UNKNOWN,
    check: answer => (answer === UNKNOWN ? undefined : zodCheck(cidr)(answer)),
  },
  {
    flag: 'gateway',
    ask: 'Its gateway address',
    optional: true,
    check: zodCheck(ipAddress),
  },
  {
    flag: 'vlan',
    ask: 'Its VLAN id (leave empty for an untagged network)',
    optional: true,
    check: answer =>
      /^\d+$/.test(answer) && Number(answer) >= 1 && Number(answer) <= 4094
        ? undefined
        : 'must be a VLAN id from 1 to 4094',
  },
];

const USAGE = `Usage: homelab-inventory init [--out <file>] [--force] [--site <name>] [--title <text>]
         [--owner <entity ref>] [--timezone <zone>] [--network <name>] [--cidr <block>|unknown]
         [--gateway <ip>] [--vlan <id>]

Writes a commented starter inventory (default: inventory.yaml; "-" for standard
output). On a terminal it asks for what the options do not give; otherwise
--site is needed and the rest takes its default or is left out.
`;

/** Lines typed on standard input, one per call; undefined once input ends. */
function lineReader(input: NodeJS.ReadableStream) {
  const lines = readline
    .createInterface({ input, terminal: false })
    [Symbol.asyncIterator]();
  return async () => {
    const next = await lines.next();
    return next.done ? undefined : String(next.value).trim();
  };
}

/**
 * The answers: from the options, then (when asking) from questions, each
 * answer checked as it comes and asked again when it is not accepted.
 * Returns the reason when an answer is missing or not accepted.
 */
async function collectAnswers(
  given: Partial<Record<keyof typeof OPTIONS, string>>,
  io: CliIo,
  readAnswer?: () => Promise<string | undefined>,
): Promise<Record<string, string> | string> {
  const answers: Record<string, string> = {};
  for (const question of QUESTIONS) {
    let answer = given[question.flag];
    while (answer === undefined && readAnswer) {
      const hint = question.fallback ? ` [${question.fallback}]` : '';
      io.stderr.write(`${question.ask}${hint}: `);
      const typed = await readAnswer();
      if (typed === undefined)
        return `no answer for --${question.flag}: input ended`;
      if (typed === '' && (question.optional || question.fallback)) {
        answer = question.fallback ?? '';
        break;
      }
      const reason = question.check(typed);
      if (!reason) answer = typed;
      else io.stderr.write(`  ${typed || '(empty)'} ${reason}; try again.\n`);
    }
    answer ??= question.fallback;
    if (answer === undefined || answer === '') {
      if (question.optional) continue;
      return `--${question.flag} is needed when not asking on a terminal`;
    }
    const reason = question.check(answer);
    if (reason) return `--${question.flag} ${answer}: ${reason}`;
    answers[question.flag] = answer;
  }
  return answers;
}

/**
 * `homelab-inventory init`: writes a commented starter inventory from the
 * options, asking on a terminal for what they leave out, and only when the
 * result passes the validator.
 */
export async function initInventory(
  args: string[],
  io: CliIo,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...OPTIONS,
      out: { type: 'string', default: 'inventory.yaml' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const toStdout = values.out === '-';
  const target = path.resolve(io.cwd(), values.out);
  if (!toStdout && fs.existsSync(target) && !values.force) {
    io.stderr.write(
      `${values.out} already exists; choose another --out, or --force to replace it\n`,
    );
    return 2;
  }
  const asking = Boolean(io.stdin?.isTTY);
  const answers = await collectAnswers(
    values,
    io,
    asking ? lineReader(io.stdin!) : undefined,
  );
  if (typeof answers === 'string') {
    io.stderr.write(`${answers}\n${USAGE}`);
    return 2;
  }
  const text = starterInventory({
    ...(answers as Omit<StarterAnswers, 'vlan'>),
    vlan: answers.vlan ? Number(answers.vlan) : undefined,
  });
  // The starter must pass the validator as written (a gateway outside the
  // network, say, is only seen with both answers together).
  const name = toStdout ? 'inventory.yaml' : values.out;
  const validation = validateInventoryFiles([{ name, content: text }]);
  if (validation.problems.length > 0) {
    for (const problem of validation.problems)
      io.stderr.write(`${formatProblem(problem)}\n`);
    io.stderr.write('nothing was written\n');
    return 1;
  }
  if (toStdout) {
    io.stdout.write(text);
    return 0;
  }
  fs.writeFileSync(target, text);
  io.stdout.write(
    `${values.out}: a starter inventory for "${answers.site}"; add your devices, then run homelab-inventory validate ${values.out}\n`,
  );
  return 0;
}
