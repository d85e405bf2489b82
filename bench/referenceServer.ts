// The HTTP shell the reference bots share with Enlace's: express with the same body limit,
// the same CloudAdapter, /healthz; `logic` is the whole turn. PORT and HOST as for the bot.
import type { Activity, BotState, TurnContext } from 'botbuilder';
import express from 'express';
import { createAdapter } from '../src/bot/adapter.js';
import { readSettings } from '../src/settings.js';

export function serveReferenceBot(name: string, conversationState: BotState, logic: (context: TurnContext) => Promise<void>): void {
  const settings = readSettings();
  const adapter = createAdapter(settings, conversationState);
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    const answer = await adapter.answer(req.body as Activity, req.headers.authorization ?? '', logic);
    res.status(answer.status);
    if (answer.body === undefined) res.end();
    else res.json(answer.body);
  });
  const server = app.listen(settings.port, settings.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    console.log(`${name} listening on http://localhost:${port}/api/messages`);
  });
}
