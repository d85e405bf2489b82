// One entry per area file; client-facing areas start with 'client'.
import * as common from './common.js';
import * as shell from './shell.js';
import * as intake from './intake.js';
import * as caseload from './caseload.js';
import * as link from './link.js';
import * as smart from './smart.js';
import * as assessment from './assessment.js';
import * as tasks from './tasks.js';
import * as services from './services.js';
import * as contacts from './contacts.js';
import * as advocacy from './advocacy.js';
import * as review from './review.js';
import * as closure from './closure.js';
import * as allocation from './allocation.js';
import * as outcomes from './outcomes.js';
import * as client from './client.js';
import * as clientCheckIn from './clientCheckIn.js';
import * as clientConsent from './clientConsent.js';
import * as alerts from './alerts.js';
import * as messaging from './messaging.js';
import * as followUps from './followUps.js';
import * as clientFollowUps from './clientFollowUps.js';
import * as charts from './charts.js';
import * as cards from './cards.js';
import * as clientCards from './clientCards.js';

export const areas = {
  common,
  shell,
  intake,
  caseload,
  link,
  smart,
  assessment,
  tasks,
  services,
  contacts,
  advocacy,
  review,
  closure,
  allocation,
  outcomes,
  alerts,
  messaging,
  followUps,
  charts,
  cards,
  client,
  clientCheckIn,
  clientConsent,
  clientFollowUps,
  clientCards,
};
