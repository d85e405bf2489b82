// Every top-level dialog the bot can start; the menu offers only what is registered here.
import type { Dialog } from 'botbuilder-dialogs';
import { CaseloadDialog } from './caseloadDialog.js';
import { CaseSummaryDialog } from './caseSummaryDialog.js';
import { ClientPlanDialog } from './clientPlanDialog.js';
import { IntakeDialog } from './intakeDialog.js';
import { LinkCodeDialog } from './linkCodeDialog.js';

export function createDialogs(): Dialog[] {
  return [
    new IntakeDialog(), new CaseloadDialog(), new CaseSummaryDialog(), new LinkCodeDialog(), new ClientPlanDialog(),
  ];
}
