// The reference for turn latency: a bare echo bot on the same express and CloudAdapter as
// Enlace (same body limit, same adapter class and settings), replying with the text it got.
// Run as its own process, like the bot: `node --import tsx bench/echoBot.ts` (PORT, HOST).
import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import express from 'express';
import { createAdapter } from '../src/bot/adapter.js';
import { readSettings } from '../src/settings.js';

const settings = readSettings();
const adapter = createAdapter(settings, new ConversationState(new MemoryStorage()));
const app = express();
app.disable('x-powered-by');
app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
app.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
  const answer = await adapter.answer(req.body as Activity, req.headers.authorization ?? '', async (context) => {
    if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
  });
  res.status(answer.status);
  if (answer.body === undefined) res.end();
  else res.json(answer.body);
});
const server = app.listen(settings.port, settings.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  console.log(`Echo listening on http://localhost:${port}/api/messages`);
});
