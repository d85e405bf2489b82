// Turn latency through the real HTTP path: 50 conversations at once, each sending its next
// message as soon as the last was answered, to the bot and to the echo bot in alternating
// phases (ABBA), so both see the same machine. Workers list their caseload, open a case and
// log a contact; clients read their plan and answer a check-in. Replies go to a local
// stand-in connector, as in Teams; the POST is answered once the turn's replies are posted.
// Optionally a third target, the floor bot (bench/floorBot.ts): the least any botbuilder
// dialog bot does in a turn, which tells the framework's share from Enlace's own.
import { randomUUID } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientIdFor } from './agencyStore.js';
import { benchCaseId, workerIdFor } from './caseFactory.js';

export type TurnKind = 'read' | 'step' | 'write';

interface ScriptLine {
  text: string;
  kind: TurnKind;
  /** What the bot's replies must contain, to tell a real turn from an error. */
  expect?: RegExp;
}

export interface TurnSamples {
  /** Milliseconds per turn, by kind. */
  ms: Record<TurnKind, number[]>;
  turns: number;
  wallMs: number;
}

export type Target = 'bot' | 'echo' | 'floor';

export interface TurnRun {
  bot: TurnSamples;
  echo: TurnSamples;
  /** Only when a floor bot was given. */
  floor?: TurnSamples;
  /** Replies from the bot that did not match what the script expected. */
  unexpected: string[];
  conversations: number;
}

const WORKERS = 30;
const CLIENTS = 20;

/** A worker's loop: list (read), open a case (read), log a contact (two steps and the save). */
function workerScript(worker: number, cases: number): ScriptLine[] {
  const caseId = benchCaseId(worker + 40 * (cases > 400 ? 7 : 1));
  return [
    { text: 'mis casos', kind: 'read', expect: /Casos \(1-20 de 250\)|Cases \(1-20 of 250\)|Casos/ },
    { text: `ver caso ${caseId}`, kind: 'read', expect: new RegExp(caseId) },
    { text: `apunta una llamada de 15 minutos con la persona en ${caseId}`, kind: 'step' },
    { text: 'Revisamos la solicitud de vivienda y los recibos del mes', kind: 'step' },
    { text: 'sí', kind: 'write', expect: /guardado/ },
  ];
}

/** A client's loop: read the plan, then answer a check-in on the first task. */
function clientScript(): ScriptLine[] {
  return [
    { text: 'mis tareas', kind: 'read' },
    { text: 'tareas', kind: 'step' },
    { text: '1', kind: 'step' },
    { text: '3', kind: 'step' },
    { text: 'no', kind: 'step' },
    { text: 'no', kind: 'write', expect: /guardado/ },
  ];
}

interface Conversation {
  user: string;
  script: ScriptLine[];
  /** Position in the script, per target. */
  at: Record<Target, number>;
}

/** Every target at the first line of the script. */
const scriptStart = (): Record<Target, number> => ({ bot: 0, echo: 0, floor: 0 });

function conversations(cases: number): Conversation[] {
  const list: Conversation[] = [];
  for (let w = 0; w < WORKERS; w++) list.push({ user: workerIdFor(w), script: workerScript(w, cases), at: scriptStart() });
  for (let c = 0; c < CLIENTS; c++) list.push({ user: clientIdFor((c * 37) % cases), script: clientScript(), at: scriptStart() });
  return list;
}

/** The Bot Connector stand-in: answers every reply with an id, keeping the last text per conversation. */
export async function replySink(): Promise<{ serviceUrl: string; lastText: Map<string, string>; close(): Promise<void> }> {
  const lastText = new Map<string, string>();
  let counter = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
      try {
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: string; attachments?: unknown[] };
        lastText.set(
          conversation,
          `${lastText.get(conversation) ?? ''}\n${activity.text ?? ''}${activity.attachments ? JSON.stringify(activity.attachments) : ''}`,
        );
      } catch {
        // A body that is not JSON is the bot's problem; the turn's check will tell.
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `r-${++counter}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lastText,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Connections kept open for one phase only: a server drops a connection idle for 5 s. */
let agent = new Agent({ keepAlive: true, maxSockets: 128 });

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/messages`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function emptySamples(): TurnSamples {
  return { ms: { read: [], step: [], write: [] }, turns: 0, wallMs: 0 };
}

export interface TurnOptions {
  botUrl: string;
  echoUrl: string;
  /** The floor bot, measured alongside when given. */
  floorUrl?: string;
  serviceUrl: string;
  lastText: Map<string, string>;
  phaseMs: number;
  /** Cases in the store: the clients are linked to some of them. */
  cases: number;
  /** Measured phases per target (plus one warm-up phase each). */
  phases: number;
}

export async function measureTurns(options: TurnOptions): Promise<TurnRun> {
  const { botUrl, echoUrl, serviceUrl, lastText } = options;
  const people = conversations(options.cases);
  const run: TurnRun = { bot: emptySamples(), echo: emptySamples(), unexpected: [], conversations: people.length };
  const urls: Partial<Record<Target, string>> = { bot: botUrl, echo: echoUrl, floor: options.floorUrl };
  const targets: Target[] = options.floorUrl ? ['bot', 'echo', 'floor'] : ['bot', 'echo'];
  if (options.floorUrl) run.floor = emptySamples();

  async function turn(target: Target, person: Conversation, samples: TurnSamples | undefined): Promise<void> {
    const line = person.script[person.at[target] % person.script.length]!;
    person.at[target]++;
    const conversationId = `bench-${target}-${person.user}`;
    lastText.delete(conversationId);
    const body = JSON.stringify({
      type: 'message',
      id: randomUUID(),
      text: line.text,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl,
      from: { id: person.user, name: person.user },
      recipient: { id: 'enlace-bot', name: 'Enlace' },
      conversation: { id: conversationId, conversationType: 'personal' },
      locale: 'es-ES',
    });
    const started = performance.now();
    const status = await post(urls[target]!, body);
    const ms = performance.now() - started;
    if (status !== 200) throw new Error(`${target} answered ${status} to "${line.text}"`);
    if (samples) {
      samples.ms[line.kind].push(ms);
      samples.turns++;
    }
    if (target === 'bot' && line.expect && !line.expect.test(lastText.get(conversationId) ?? '')) {
      run.unexpected.push(`${person.user} «${line.text}»: ${(lastText.get(conversationId) ?? '').slice(0, 200)}`);
    }
  }

  async function phase(target: Target, samples: TurnSamples | undefined): Promise<void> {
    const until = performance.now() + options.phaseMs;
    const started = performance.now();
    await Promise.all(
      people.map(async (person) => {
        while (performance.now() < until) await turn(target, person, samples);
      }),
    );
    if (samples) samples.wallMs += performance.now() - started;
    agent.destroy();
    agent = new Agent({ keepAlive: true, maxSockets: 128 });
  }

  // Everyone says hello to each target first, so dialogs and caches are in their steady state.
  for (const target of targets) {
    await Promise.all(people.map((person) => turn(target, { ...person, script: [{ text: 'hola', kind: 'read' }], at: scriptStart() }, undefined)));
  }
  for (const target of targets) await phase(target, undefined);
  for (let i = 0; i < options.phases; i++) {
    const order = i % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) await phase(target, run[target]);
  }
  return run;
}

export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export function allTurns(samples: TurnSamples): number[] {
  return [...samples.ms.read, ...samples.ms.step, ...samples.ms.write];
}

/** Turns per second over the measured phases. */
export function perSecond(samples: TurnSamples): number {
  return (samples.turns / samples.wallMs) * 1000;
}

/** The run as table lines: per kind of turn, the bot's and the echo bot's p50 and p99, their ratios, and the floor bot's ratios when it ran. */
export function turnTable(run: TurnRun): string[] {
  const fixed = (value: number) => value.toFixed(2);
  const floor = run.floor;
  const head = ['n', 'p50 ms', 'p99 ms', 'echo p50', 'echo p99', 'p50 ×', 'p99 ×', ...(floor ? ['floor p50 ×', 'floor p99 ×'] : [])];
  const widths = head.map((title) => Math.max(8, title.length + 2));
  const row = (label: string, cells: string[]) => `${label.padEnd(8)}${cells.map((cell, i) => cell.padStart(widths[i]!)).join('')}`;
  const lines = [row('turns', head)];
  const kinds: [string, (samples: TurnSamples) => number[]][] = (['read', 'step', 'write'] as TurnKind[]).map((kind) => [kind, (s) => s.ms[kind]]);
  kinds.push(['all', allTurns]);
  for (const [label, of] of kinds) {
    const [bot, echo] = [of(run.bot), of(run.echo)];
    const [b50, b99, e50, e99] = [percentile(bot, 0.5), percentile(bot, 0.99), percentile(echo, 0.5), percentile(echo, 0.99)];
    const cells = [String(bot.length), fixed(b50), fixed(b99), fixed(e50), fixed(e99), fixed(b50 / e50), fixed(b99 / e99)];
    if (floor) cells.push(fixed(percentile(of(floor), 0.5) / e50), fixed(percentile(of(floor), 0.99) / e99));
    lines.push(row(label, cells));
  }
  const rates = [`bot ${perSecond(run.bot).toFixed(0)}`, `echo ${perSecond(run.echo).toFixed(0)}`, ...(floor ? [`floor ${perSecond(floor).toFixed(0)}`] : [])];
  lines.push(`throughput, turns/s: ${rates.join(', ')}`);
  if (run.unexpected.length > 0) lines.push(`unexpected replies: ${run.unexpected.length}, e.g. ${run.unexpected[0]}`);
  return lines;
}
