// `npm run staff -- add|list|remove …`: registers staff in the store at DATA_DIR. Bad input
// exits with code 2 and one line on stderr, having changed nothing; a store that cannot be
// opened exits with code 1.
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { readSettings } from '../settings.js';
import { StoreError } from '../store/errors.js';
import { JsonStore } from '../store/jsonStore.js';
import { StaffInputError, addStaff, describeStaff, listStaff, newStaffRecord, removeStaff, staffTable, type AddStaffOptions } from './staffCommands.js';

const USAGE = `Usage:
  npm run staff -- add --id <user id> --name <name> --role worker|supervisor|admin
                       [--team <team>] [--hours <available hours a month>] [--language es|en] [--timezone <IANA zone>]
  npm run staff -- list
  npm run staff -- remove --id <user id>

The user id is the one the bot sees: in Teams, the person's Microsoft Entra (AAD) object id.
Defaults: team general, 120 hours, language es, time zone Europe/Madrid.`;

const RESTART_NOTE = 'A bot already running on this data folder picks up this change after a restart.';

const OPTIONS_OF: Record<string, readonly string[]> = {
  add: ['id', 'name', 'role', 'team', 'hours', 'language', 'timezone'],
  list: [],
  remove: ['id'],
};

/** The command and its options; throws StaffInputError on anything the command does not take. */
function parseCommandLine(argv: string[]): { command: string; options: AddStaffOptions } | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...Object.fromEntries(OPTIONS_OF.add!.map((name) => [name, { type: 'string' as const }])),
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals[0] === 'help') return 'help';
  const [command, ...extra] = positionals;
  if (!command) throw new StaffInputError('missing command: use add, list or remove (npm run staff -- --help)');
  const allowed = OPTIONS_OF[command];
  if (!allowed) throw new StaffInputError(`unknown command "${command}": use add, list or remove`);
  if (extra.length > 0) throw new StaffInputError(`unexpected argument "${extra[0]}" (put quotes around values with spaces)`);
  const stray = Object.keys(values).find((name) => !allowed.includes(name));
  if (stray) throw new StaffInputError(`"${command}" does not take --${stray}`);
  return { command, options: values as AddStaffOptions };
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    console.error(`Error: ${argumentProblem(error as Error & { code?: string })}`);
    return 2;
  }
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { command, options } = parsed;
  const now = new Date();
  try {
    // Checked before the store is opened, so bad input leaves no trace at all.
    const newStaff = command === 'add' ? newStaffRecord(options, now) : undefined;
    if (command === 'remove' && !options.id?.trim()) throw new StaffInputError('--id is required');
    const store = await openStore();
    if (!store) return 1;
    try {
      if (newStaff) {
        const staff = await addStaff(store.repositories, newStaff);
        console.log(`Added ${describeStaff(staff)}.\n${RESTART_NOTE}`);
      } else if (command === 'remove') {
        const staff = await removeStaff(store.repositories, options.id, now);
        console.log(`Removed ${staff.role} ${staff.id} (${staff.name}).\n${RESTART_NOTE} Until then they can still use it: restart it now.`);
      } else {
        console.log(staffTable(await listStaff(store.repositories)));
      }
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    if (!(error instanceof StaffInputError)) throw error;
    console.error(`Error: ${error.message}`);
    return 2;
  }
}

/** Node's parseArgs explains at length; its first sentence is the problem. */
function argumentProblem(error: Error & { code?: string }): string {
  if (!error.code?.startsWith('ERR_PARSE_ARGS')) return error.message;
  return `${error.message.split('. ')[0]!.replace(/\.$/, '')} (npm run staff -- --help)`;
}

async function openStore(): Promise<JsonStore | undefined> {
  try {
    return await JsonStore.open(readSettings().dataDir);
  } catch (error) {
    const message = error instanceof StoreError ? `the data file ${error.file} ${error.problem}` : (error as Error).message;
    console.error(`Error: cannot open the store: ${message}`);
    return undefined;
  }
}

process.exitCode = await main(process.argv.slice(2));
