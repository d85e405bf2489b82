// Consent to receive messages (SPEC §2 step 1, §4): the client may withdraw it at any
// time, in chat or through their worker; the worker may record it given again. Each
// change is kept, with who and when, so the earlier value stays on record.
import { assertWritable } from './closure.js';
import type { Case } from './schemas.js';

/** Whether the client may be messaged at all (prompts may still be paused). */
export function messagingAllowed(caseRecord: Pick<Case, 'consent'>): boolean {
  return caseRecord.consent.messaging && !caseRecord.consent.messagingWithdrawnAt;
}

/** The case with consent to messages withdrawn at `at`; unchanged when it is not held. */
export function withdrawMessaging(caseRecord: Case, by: string, at: string): Case {
  assertWritable(caseRecord);
  if (!messagingAllowed(caseRecord)) return caseRecord;
  const consent = caseRecord.consent;
  return {
    ...caseRecord,
    consent: { ...consent, messagingWithdrawnAt: at, messagingChanges: [...(consent.messagingChanges ?? []), { given: false, at, by }] },
  };
}

/** The case with consent to messages given (again) at `at`; unchanged when it is held. */
export function giveMessagingConsent(caseRecord: Case, by: string, at: string): Case {
  assertWritable(caseRecord);
  if (messagingAllowed(caseRecord)) return caseRecord;
  const { messagingWithdrawnAt: _withdrawn, ...consent } = caseRecord.consent;
  return {
    ...caseRecord,
    consent: { ...consent, messaging: true, messagingChanges: [...(consent.messagingChanges ?? []), { given: true, at, by }] },
  };
}
