// The parts of botbuilder-dialogs Enlace uses, from their own modules: the package's index
// also loads Microsoft's date-time, number and choice recognizers (about 0.35 s at every
// start), which Enlace never uses. The classes are the very ones the index exports.
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog.js';
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
export type { DialogInstance, DialogTurnResult } from 'botbuilder-dialogs/lib/dialog.js';
export { DialogContext } from 'botbuilder-dialogs/lib/dialogContext.js';
export type { DialogState } from 'botbuilder-dialogs/lib/dialogContext.js';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
export type { PromptValidatorContext } from 'botbuilder-dialogs/lib/prompts/prompt.js';
export { TextPrompt } from 'botbuilder-dialogs/lib/prompts/textPrompt.js';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog.js';
export type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext.js';
export type { WaterfallStep } from 'botbuilder-dialogs/lib/waterfallDialog.js';
