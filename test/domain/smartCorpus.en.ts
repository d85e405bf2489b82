// Goals as caseworkers write them in English, labelled like the Spanish ones.
import type { CorpusGoal } from './smartCorpus.js';

export const ENGLISH_GOALS: CorpusGoal[] = [
  // ---- ready ------------------------------------------------------------------------------
  { text: 'Ana will send 3 CVs a week until 31 January', label: 'ready' },
  { text: 'Submit the housing benefit application by 18 December', label: 'ready' },
  { text: 'John will attend 4 sessions of the parenting group by 28 February', label: 'ready' },
  { text: 'Request the registration certificate at the town hall by 15 December', label: 'ready' },
  { text: 'Sara will call 2 employers every week until 15 January', label: 'ready' },
  { text: 'Tom will pay 40 pounds a month towards his rent arrears until March', label: 'ready' },
  { text: 'Renew the job seeker card before 10 December', label: 'ready' },
  { text: 'Mia will take her son to school 5 days a week until 18 December', label: 'ready' },
  { text: 'Ali will open a bank account in his own name by 30 December', label: 'ready' },
  { text: 'Ana will walk for 30 minutes 3 times a week until 31 January', label: 'ready' },
  { text: 'Book a GP appointment for the baby’s check-up by Friday 4 December', label: 'ready' },
  { text: 'Lucy will go to the food bank every Tuesday until 22 December', label: 'ready' },
  { text: 'Peter will enrol in the forklift course by 4 December', label: 'ready' },
  { text: 'Sam will attend 6 family therapy sessions by 30 March', label: 'ready' },
  { text: 'Apply for the warm home discount by 15 December', label: 'ready' },
  { text: 'Jo will go to the gym twice a week until 31 January', label: 'ready' },
  { text: 'Mark will sign the tenancy agreement by 1 December', label: 'ready' },
  { text: 'Call the landlord about the repairs by Friday 27 November', label: 'ready' },

  // ---- a state -----------------------------------------------------------------------------
  { text: 'be a better parent', label: 'stateNotAction' },
  { text: 'feel less isolated', label: 'stateNotAction' },
  { text: 'Ana will be more confident at home', label: 'stateNotAction' },
  { text: 'John will have a more stable life', label: 'stateNotAction' },
  { text: 'The family will have more support', label: 'stateNotAction' },
  { text: 'be more independent', label: 'stateNotAction' },
  { text: 'stay sober', label: 'stateNotAction' },
  { text: 'have a stable home', label: 'stateNotAction' },
  { text: 'be happier', label: 'stateNotAction' },

  // ---- a skill without evidence ------------------------------------------------------------
  { text: 'learn to manage her anger', label: 'skillWithoutEvidence' },
  { text: 'Tom will learn how to budget', label: 'skillWithoutEvidence' },
  { text: 'develop parenting skills', label: 'skillWithoutEvidence' },

  // ---- a vague verb ------------------------------------------------------------------------
  { text: 'improve her relationship with her son', label: 'vagueVerb' },
  { text: 'understand the benefits system', label: 'vagueVerb' },
  { text: 'work on his self-esteem', label: 'vagueVerb' },
  { text: 'get on better with her mother', label: 'vagueVerb' },
  { text: 'Ana will manage her money better', label: 'vagueVerb' },
  { text: 'go out more', label: 'vagueVerb' },

  // ---- someone else decides ----------------------------------------------------------------
  { text: 'get a council flat', label: 'thirdPartyOutcome' },
  { text: 'be granted the minimum income', label: 'thirdPartyOutcome' },
  { text: 'The court will give her custody of her children', label: 'thirdPartyOutcome' },
  { text: 'The employer will hire John', label: 'thirdPartyOutcome' },
  { text: 'The landlord will renew the tenancy', label: 'thirdPartyOutcome' },
  { text: 'get a job', label: 'thirdPartyOutcome' },
  { text: 'The council will approve her application', label: 'thirdPartyOutcome' },
  { text: 'that the school accepts her son', label: 'thirdPartyOutcome' },
  { text: 'The bank will agree a payment plan', label: 'thirdPartyOutcome' },

  // ---- nothing to count --------------------------------------------------------------------
  { text: 'look for a job', label: 'noIndicator' },
  { text: 'Ana will look for a flat', label: 'noIndicator' },
  { text: 'study for exams', label: 'noIndicator' },
  { text: 'stop drinking', label: 'noIndicator' },
  { text: 'take care of her health', label: 'noIndicator' },
  { text: 'build a support network', label: 'noIndicator' },

  // ---- not how much ------------------------------------------------------------------------
  { text: 'reduce his debts', label: 'noTarget' },
  { text: 'Ana will send CVs every week until 31 January', label: 'noTarget' },

  // ---- no date / a date gone ---------------------------------------------------------------
  { text: 'Ana will send 3 CVs a week', label: 'noDeadline' },
  { text: 'Submit the housing application', label: 'noDeadline' },
  { text: 'Renew the ID card by 15 November 2026', label: 'pastDeadline' },
];
