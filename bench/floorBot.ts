// The floor for turn latency: the least a stateful botbuilder dialog bot does in a turn, on
// the echo bot's express and CloudAdapter. Conversation state in botbuilder's MemoryStorage,
// a dialog set, one waterfall step and a text prompt; one reply, the prompt carrying the echo.
// What Enlace spends beyond this is its own; this much any botbuilder dialog bot spends.
import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { serveReferenceBot } from './referenceServer.js';

const conversationState = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
dialogs.add(new TextPrompt('text'));
dialogs.add(
  new WaterfallDialog('loop', [
    async (step) => step.prompt('text', { prompt: String((step.options as { said?: string } | undefined)?.said ?? 'hola') }),
    async (step) => step.replaceDialog('loop', { said: step.result }),
  ]),
);

serveReferenceBot('Floor', conversationState, async (context) => {
  if (context.activity.type !== 'message') return;
  const dc = await dialogs.createContext(context);
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty) await dc.beginDialog('loop');
  await conversationState.saveChanges(context, false);
});
