// Every top-level dialog the bot can start; the menu offers only what is registered here.
import type { Dialog } from '../src/bot/dialogKit.js';
import { AssessmentDialog } from './assessmentDialog.js';
import { CaseloadDialog } from './caseloadDialog.js';
import { CaseSummaryDialog } from './caseSummaryDialog.js';
import { ClientPlanDialog } from './clientPlanDialog.js';
import { IntakeDialog } from './intakeDialog.js';
import { LinkCodeDialog } from './linkCodeDialog.js';
import { SmartGoalDialog } from './smartGoalDialog.js';
import { ContractDialog } from './contractDialog.js';
import { TaskDialog } from './taskDialog.js';
import { TaskProgressDialog } from './taskProgressDialog.js';
import { CheckInDialog } from './checkInDialog.js';
import { DirectoryDialog } from './directoryDialog.js';
import { ReferralDialog } from './referralDialog.js';
import { ContactLogDialog } from './contactLogDialog.js';
import { MonthlySheetDialog } from './monthlySheetDialog.js';
import { AdvocacyDialog } from './advocacyDialog.js';
import { BarrierReportDialog } from './barrierReportDialog.js';
import { TeamOutcomesDialog } from './teamOutcomesDialog.js';
import { ReviewDialog } from './reviewDialog.js';
import { CaseloadReviewDialog } from './caseloadReviewDialog.js';
import { ClosureDialog } from './closureDialog.js';
import { ReopenDialog } from './reopenDialog.js';
import { AllocateCaseDialog } from './allocateCaseDialog.js';
import { AlertDecisionDialog } from './alertDecisionDialog.js';
import { FollowUpListDialog } from './followUpListDialog.js';
import { FollowUpPauseDialog } from './followUpPauseDialog.js';
import { MessagingConsentDialog } from './messagingConsentDialog.js';
import { DataExportDialog } from './dataExportDialog.js';
export function createDialogs(): Dialog[] {
  return [
    new IntakeDialog(),
    new AssessmentDialog(),
    new CaseloadDialog(),
    new CaseSummaryDialog(),
    new LinkCodeDialog(),
    new SmartGoalDialog(),
    new ClientPlanDialog(),
    new ContractDialog(),
    new TaskDialog(),
    new TaskProgressDialog(),
    new CheckInDialog(),
    new DirectoryDialog(),
    new ReferralDialog(),
    new ContactLogDialog(),
    new MonthlySheetDialog(),
    new AdvocacyDialog(),
    new BarrierReportDialog(),
    new TeamOutcomesDialog(),
    new ReviewDialog(),
    new CaseloadReviewDialog(),
    new ClosureDialog(),
    new ReopenDialog(),
    new AllocateCaseDialog(),
    new AlertDecisionDialog(),
    new FollowUpPauseDialog(),
    new FollowUpListDialog(),
    new MessagingConsentDialog(),
    new DataExportDialog(),
  ];
}
