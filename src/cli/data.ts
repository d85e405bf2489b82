// `npm run data -- export|retention|block|erase …`: people's data rights on the store at
// DATA_DIR (SPEC §5). Bad input exits with code 2 and one line on stderr, having changed
// nothing; a store that cannot be opened exits with code 1. Block and erase ask to type the
// case id back before acting. Run block and erase with the bot stopped (it keeps records in memory).
import 'dotenv/config';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { CaseAccessError } from '../app/caseService.js';
import { CaseBlockedError, RetentionRefusedError } from '../app/dataRights.js';
import { DomainError } from '../domain/errors.js';
import { readSettings } from '../settings.js';
import { StoreError } from '../store/errors.js';
import { JsonStore } from '../store/jsonStore.js';
import {
  adminOption,
  caseIdOption,
  DataInputError,
  dataRights,
  describeCase,
  describeErasure,
  exportPaths,
  factOption,
  factValue,
  OPERATOR_ID,
  openFollowUpRecords,
  retentionSettings,
  retentionTable,
  staffOption,
  writeExport,
} from './dataCommands.js';
import { runEncryptionCommand, ENCRYPTION_COMMANDS, ENCRYPTION_USAGE } from './dataEncryption.js';

const USAGE = `Usage:
  npm run data -- export --case <case id> --out <file.json> [--admin <admin id>]
      Everything held about the case's client: <file.json> and a plain-language summary
      beside it (<file.txt>), in the client's language. A blocked case needs --admin
      (a legal request); the read is audited.
  npm run data -- correct --case <case id> --fact <fact> --value <new value> --by <staff id>
      A correction the client asked for; the earlier value is kept with who and when.
      <fact>: contact:<contact id>:date|time|type|minutes|withWhom|note,
      rating:<assessment id>:<domain> (a level 1-5, or none), goal:<goal id>:text|actor|…
  npm run data -- retention [--years <n>] [--blocked-years <n>]
      Closed cases due for blocking (retention over) or erasure (blocking period over).
  npm run data -- block --case <case id> --admin <admin id>
  npm run data -- erase --case <case id> --admin <admin id>
      Act on one case, after you type its id back. Stop the bot first.
${ENCRYPTION_USAGE}
Retention periods: --years / RETENTION_YEARS (default 5) after closure, then
--blocked-years / BLOCKED_YEARS (default 3) blocked before erasure.`;

const OPTIONS_OF: Record<string, readonly string[]> = {
  export: ['case', 'out', 'admin'],
  correct: ['case', 'fact', 'value', 'by'],
  retention: ['years', 'blocked-years'],
  block: ['case', 'admin', 'years', 'blocked-years'],
  erase: ['case', 'admin', 'years', 'blocked-years'],
  ...Object.fromEntries(ENCRYPTION_COMMANDS.map((name) => [name, []])),
};

type Options = Partial<Record<'case' | 'out' | 'admin' | 'years' | 'blocked-years' | 'fact' | 'value' | 'by', string>>;

function parseCommandLine(argv: string[]): { command: string; options: Options } | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      case: { type: 'string' },
      out: { type: 'string' },
      admin: { type: 'string' },
      years: { type: 'string' },
      'blocked-years': { type: 'string' },
      fact: { type: 'string' },
      value: { type: 'string' },
      by: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals[0] === 'help') return 'help';
  const [command, ...extra] = positionals;
  const commands = Object.keys(OPTIONS_OF).join(', ');
  if (!command) throw new DataInputError(`missing command: use ${commands} (npm run data -- --help)`);
  const allowed = OPTIONS_OF[command];
  if (!allowed) throw new DataInputError(`unknown command "${command}": use ${commands}`);
  if (extra.length > 0) throw new DataInputError(`unexpected argument "${extra[0]}" (put quotes around values with spaces)`);
  const stray = Object.keys(values).find((name) => !allowed.includes(name));
  if (stray) throw new DataInputError(`"${command}" does not take --${stray}`);
  return { command, options: values as Options };
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    console.error(`Error: ${(error as Error).message.split('. ')[0]}`);
    return 2;
  }
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { command, options } = parsed;
  const { dataDir } = readSettings();
  if ((ENCRYPTION_COMMANDS as readonly string[]).includes(command)) return runEncryptionCommand(command, dataDir);
  try {
    // Checked before the store is opened, so bad input leaves no trace at all.
    const caseId = command === 'retention' ? undefined : caseIdOption(options.case);
    const paths = command === 'export' ? exportPaths(options.out) : undefined;
    const fact = command === 'correct' ? factOption(options.fact) : undefined;
    const value = fact ? factValue(fact, options.value) : undefined;
    const settings = retentionSettings(options);
    const store = await openStore(dataDir);
    if (!store) return 1;
    try {
      const repos = store.repositories;
      const rights = dataRights(repos);
      if (command === 'export') {
        const admin = await adminOption(repos, options.admin, false);
        const exported = await rights.exportCase({ kind: 'operator', id: OPERATOR_ID, admin }, caseId!);
        await writeExport(exported, paths!);
        console.log(`Exported case ${caseId} to ${paths!.json} and its summary to ${paths!.summary}.`);
      } else if (command === 'correct') {
        const by = await staffOption(repos, options.by);
        await rights.correctOnRequest(by, caseId!, fact!, value!);
        console.log(`Corrected ${fact!.kind} ${fact!.id} ${fact!.field} in case ${caseId}; the earlier value is kept in the case's corrections.`);
      } else if (command === 'retention') {
        console.log(retentionTable(await rights.retentionDue(settings), settings));
      } else {
        const admin = await adminOption(repos, options.admin, true);
        const record = await repos.cases.get(caseId!);
        if (!record) throw new DataInputError(`no case has id "${caseId}"`);
        if (!(await confirmed(`${command === 'block' ? 'Block' : 'Erase, for good,'} ${describeCase(record)}? Type the case id to confirm: `, caseId!))) {
          console.error('Not confirmed: nothing changed.');
          return 2;
        }
        if (command === 'block') {
          await rights.block(admin, caseId!, settings);
          console.log(`Blocked case ${caseId}: from now on only an admin reads it (npm run data -- export --admin …), and every read is audited.`);
        } else {
          const followUps = await openFollowUpRecords(dataDir);
          const report = await rights.erase(admin, caseId!, settings, followUps);
          await followUps.close();
          console.log(describeErasure(report));
        }
      }
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    const message = refusal(error);
    if (message === undefined) throw error;
    console.error(`Error: ${message}`);
    return 2;
  }
}

function refusal(error: unknown): string | undefined {
  if (error instanceof DataInputError) return error.message;
  if (error instanceof DomainError) {
    const why: Record<string, string> = {
      factNotFound: 'the case has no such fact',
      sameValue: 'it already holds that value',
      invalidValue: `that value is not valid (${error.message.split(': ').slice(1).join(': ')})`,
    };
    return `nothing was corrected: ${why[error.code] ?? error.message}`;
  }
  if (error instanceof CaseAccessError) return `no case has id "${error.caseId}"`;
  if (error instanceof CaseBlockedError) return `case ${error.caseId} is blocked: only an admin may read it, for a legal request (add --admin <admin id>)`;
  if (error instanceof RetentionRefusedError) {
    const why = {
      notFound: 'there is no such case',
      notClosed: 'it is not closed',
      notDue: 'its period has not ended yet (see `npm run data -- retention`)',
      alreadyBlocked: 'it is already blocked',
      notBlocked: 'it must be blocked first, and stay blocked for the blocking period',
      notAdmin: 'only an admin may do this',
    }[error.reason];
    return `case ${error.caseId} was left as it is: ${why}`;
  }
  return undefined;
}

async function confirmed(question: string, expected: string): Promise<boolean> {
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await Promise.race([reader.question(question), new Promise<string>((resolve) => reader.once('close', () => resolve('')))]);
    // Typed input ends its own line; piped input is not echoed.
    if (!process.stdin.isTTY) process.stderr.write('\n');
    return answer.trim().toUpperCase() === expected;
  } finally {
    reader.close();
  }
}

async function openStore(dataDir: string): Promise<JsonStore | undefined> {
  try {
    return await JsonStore.open(dataDir);
  } catch (error) {
    const message = error instanceof StoreError ? `the data file ${error.file} ${error.problem}` : (error as Error).message;
    console.error(`Error: cannot open the store: ${message}`);
    return undefined;
  }
}

process.exitCode = await main(process.argv.slice(2));
