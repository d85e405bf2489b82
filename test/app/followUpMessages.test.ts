// How gathered follow-ups read: the supervisor's overdue-review alert and daily digest with
// the words to decide, the worker's weekly plan, notices in English, dates on the reader's calendar.
import { describe, expect, it } from 'vitest';
import type { FollowUpItem } from '../../src/app/followUpContent.js';
import { renderFollowUps } from '../../src/app/followUpMessages.js';

const overdue = (caseId: string, clientName: string, reviewDate: string): FollowUpItem => ({
  jobId: `J-${caseId}`,
  kind: 'overdueReview',
  dueAt: '2027-03-10T08:00:00.000Z',
  caseId,
  clientName,
  workerName: 'Lucía Martín',
  reviewDate,
});

describe('follow-up messages', () => {
  it('alerts a supervisor to one overdue review, with the words to decide', () => {
    expect(renderFollowUps([overdue('C-ANAPQR', 'Ana P.', '2027-03-08')], 'es', 'Europe/Madrid')).toBe(
      'Reevaluación vencida · Ana P. (C-ANAPQR), de Lucía Martín: prevista el lunes, 8 de marzo de 2027 (2 días de retraso).\n\n' +
        'Para decidir escribe la referencia del caso y una de estas palabras: «continuar», «cambiar enfoque», «cerrar» o «recordar al profesional».',
    );
  });

  it('gathers several overdue reviews into a daily digest, after the other notices', () => {
    const escalation: FollowUpItem = {
      jobId: 'J-E',
      kind: 'escalation',
      dueAt: '2027-03-10T07:00:00.000Z',
      caseId: 'C-BERTAQ',
      clientName: 'Berta Q.',
      workerName: 'Pablo Ruiz',
      alertKind: 'domainCrisis',
    };
    const text = renderFollowUps(
      [escalation, overdue('C-ANAPQR', 'Ana P.', '2027-03-08'), overdue('C-CARLOS', 'Carlos R.', '2027-03-01')],
      'es',
      'Europe/Madrid',
    );
    expect(text.split('\n\n')).toEqual([
      'Tienes 2 avisos:',
      'Alerta · Berta Q. (C-BERTAQ), de Pablo Ruiz: un ámbito en crisis (nivel 1) en la valoración. Para verlo escribe «ver caso C-BERTAQ».',
      'Resumen diario: 2 reevaluaciones vencidas.',
      'Reevaluación vencida · Ana P. (C-ANAPQR), de Lucía Martín: prevista el lunes, 8 de marzo de 2027 (2 días de retraso).',
      'Reevaluación vencida · Carlos R. (C-CARLOS), de Lucía Martín: prevista el lunes, 1 de marzo de 2027 (9 días de retraso).',
      'Para decidir escribe la referencia del caso y una de estas palabras: «continuar», «cambiar enfoque», «cerrar» o «recordar al profesional».',
    ]);
  });

  it("gives a worker the week's plan, and nothing when the week holds nothing", () => {
    const plan: FollowUpItem = {
      jobId: 'J-W',
      kind: 'weeklyPlan',
      dueAt: '2027-03-01T07:30:00.000Z',
      plan: {
        monday: '2027-03-01',
        reviews: [{ caseId: 'C-ANAPQR', clientName: 'Ana P.', date: '2027-03-04' }],
        tasks: [{ caseId: 'C-BERTAQ', clientName: 'Berta Q.', description: 'Pedir cita', dueDate: '2027-03-05', owner: 'client' }],
        silent: [{ caseId: 'C-CARLOS', clientName: 'Carlos R.', description: 'Llevar el certificado' }],
      },
    };
    expect(renderFollowUps([plan], 'en', 'Europe/Madrid')).toBe(
      [
        'Your week, from Monday, 1 March 2027:',
        'Reviews:',
        '- Thursday, 4 March 2027 · Ana P. (C-ANAPQR)',
        'Tasks due:',
        '- Friday, 5 March 2027 · Berta Q. (C-BERTAQ): "Pedir cita" (the client)',
        'No answer to the last question:',
        '- Carlos R. (C-CARLOS): "Llevar el certificado"',
      ].join('\n\n'),
    );
    expect(renderFollowUps([{ ...plan, plan: { monday: '2027-03-01', reviews: [], tasks: [], silent: [] } }], 'es', 'Europe/Madrid')).toBe('');
  });

  it('tells a worker, in English, which notice did not reach a supervisor and why', () => {
    const failed: FollowUpItem = {
      jobId: 'J-F',
      kind: 'deliveryFailed',
      dueAt: '2027-03-10T08:00:00.000Z',
      caseId: 'C-ANAPQR',
      clientName: 'Ana P.',
      failed: { kind: 'escalation', role: 'supervisor', name: 'Marta Gil', reason: 'BotNotInConversationRoster' },
    };
    expect(renderFollowUps([failed], 'en', 'Europe/Madrid')).toBe(
      'I could not send the alert to Marta Gil · Ana P. (C-ANAPQR): they no longer have the app installed; they will see it if they write again.',
    );
  });

  it('says "today" for a review reminder on the review day, on the reader\'s own calendar', () => {
    const reminder: FollowUpItem = {
      jobId: 'J-R',
      kind: 'reviewReminder',
      dueAt: '2027-03-08T23:30:00.000Z',
      caseId: 'C-ANAPQR',
      clientName: 'Ana P.',
      reviewDate: '2027-03-09',
    };
    expect(renderFollowUps([reminder], 'es', 'Europe/Madrid')).toBe('Reevaluación hoy · Ana P. (C-ANAPQR). Para hacerla escribe «reevaluación C-ANAPQR».');
    expect(renderFollowUps([reminder], 'es', 'America/New_York')).toBe(
      'Reevaluación el martes, 9 de marzo de 2027 · Ana P. (C-ANAPQR). Para hacerla escribe «reevaluación C-ANAPQR».',
    );
  });

  it("tells a supervisor of a client's help request left unanswered, with the client's words", () => {
    const item: FollowUpItem = {
      jobId: 'J-H',
      kind: 'helpUnanswered',
      dueAt: '2027-03-10T08:00:00.000Z',
      caseId: 'C-ANAPQR',
      clientName: 'Ana P.',
      workerName: 'Lucía Martín',
      task: { description: 'Pedir cita en el SEPE', dueDate: '2027-03-20' },
      words: 'no sé qué papeles llevar',
    };
    expect(renderFollowUps([item], 'es', 'Europe/Madrid')).toBe(
      'Ayuda sin respuesta · Ana P. (C-ANAPQR), tarea «Pedir cita en el SEPE»: la persona pidió ayuda («no sé qué papeles llevar») y Lucía Martín aún no ha respondido. Para verlo escribe «ver caso C-ANAPQR».',
    );
    expect(renderFollowUps([{ ...item, words: undefined }], 'en', 'Europe/Madrid')).toContain(
      'the client asked for help and Lucía Martín has not answered yet',
    );
  });

  it('counts one day late in the singular', () => {
    expect(renderFollowUps([overdue('C-ANAPQR', 'Ana P.', '2027-03-09')], 'es', 'Europe/Madrid')).toContain('(1 día de retraso)');
    expect(renderFollowUps([overdue('C-ANAPQR', 'Ana P.', '2027-03-09')], 'en', 'Europe/Madrid')).toContain('(1 day late)');
  });

  it('tells the worker of their own overdue review, with how to hold it', () => {
    const item: FollowUpItem = { ...overdue('C-ANAPQR', 'Ana P.', '2027-03-08'), kind: 'reviewReminder' };
    expect(renderFollowUps([item], 'es', 'Europe/Madrid')).toBe(
      'Reevaluación vencida · Ana P. (C-ANAPQR): era el lunes, 8 de marzo de 2027 (2 días de retraso). Para hacerla escribe «reevaluación C-ANAPQR».',
    );
    expect(renderFollowUps([{ ...item, reviewDate: '2027-03-09' }], 'en', 'Europe/Madrid')).toContain('(1 day late)');
  });
});
