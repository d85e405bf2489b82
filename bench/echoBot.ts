// The reference for turn latency: a bare echo bot on the same express and CloudAdapter as
// Enlace (same body limit, same adapter class and settings), replying with the text it got.
// Run as its own process, like the bot: `node --import tsx bench/echoBot.ts` (PORT, HOST).
import { ConversationState, MemoryStorage } from 'botbuilder';
import { serveReferenceBot } from './referenceServer.js';

serveReferenceBot('Echo', new ConversationState(new MemoryStorage()), async (context) => {
  if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
});
