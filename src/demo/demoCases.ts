// The demo's four cases, one per management model, each at a different stage: just opened
// (intensive), assessed with a task-centred plan and progress (strengths-based), linked to
// services with contacts and advocacy (brokerage), and closed (clinical). Dates count from
// the day the demo is seeded, so a review falls due in a few days and another is overdue.
import type { Case, Task } from '../domain/schemas.js';
import { DEMO_CASE_IDS, DEMO_ZONE as ZONE, type DemoClock, caseBase, completedAssessment, contact, progress, referral } from './demoBuilders.js';
import { brokerageCase, closedCase } from './demoLaterCases.js';
import { PLAYGROUND_USERS } from './playgroundUsers.js';

const LUCIA = PLAYGROUND_USERS.worker.aadObjectId;
const CARMEN_CHAT = PLAYGROUND_USERS.client.aadObjectId;

export { DEMO_CASE_IDS };

export function demoCases(clock: DemoClock): Case[] {
  return [justOpenedCase(clock), assessedCase(clock), brokerageCase(clock), closedCase(clock)];
}

/** Intensive model, opened today: intake done, nothing assessed yet. */
function justOpenedCase(clock: DemoClock): Case {
  return caseBase(clock, {
    id: DEMO_CASE_IDS.intensive,
    workerId: LUCIA,
    openedDaysAgo: 0,
    model: 'intensive',
    priority: 'high',
    client: { kind: 'individual', name: 'Youssef B.', contact: '600 111 222', language: 'es', timeZone: ZONE },
    referralSource: 'Servicio de Emergencia Social: joven de 18 años que sale de un centro de protección sin alojamiento',
  });
}

/** Strengths-based model: assessed, goals agreed, a task-centred contract with progress; review in 3 days. */
function assessedCase(clock: DemoClock): Case {
  const assessment = completedAssessment(
    clock,
    'A-DMFRZA',
    'initial',
    -87,
    LUCIA,
    {
      income: 2,
      employment: 2,
      housing: 3,
      food: 3,
      health: 4,
      mentalHealth: 3,
      substanceUse: 5,
      education: 3,
      familyRelations: 4,
      socialSupport: 3,
      legal: 5,
      safety: 5,
      dailyLiving: 4,
      mobility: 4,
      childcare: 3,
    },
    {
      strengths: {
        personal: 'Constante y organizada; seis años de experiencia como dependienta de comercio',
        family: 'Su hermana recoge a los niños del colegio dos tardes por semana',
        community: 'Participa en la AMPA del colegio y conoce a las familias del barrio',
      },
      clientView: 'Quiere volver a trabajar y dejar de depender de ayudas; le angustia no llegar a fin de mes',
      aspirations: 'Un empleo estable de media jornada compatible con el horario escolar',
      context: {
        economic: 'Pensión de alimentos irregular y ayuda municipal de emergencia; dos recibos de luz pendientes',
        social: 'Red de amistades reducida desde la separación',
        family: 'Madre de dos hijos de 7 y 10 años; separada hace un año',
        institutional: 'Inscrita como demandante de empleo; no había solicitado el Ingreso Mínimo Vital',
      },
      notes: {
        micro: 'Autoestima baja tras la separación, muy motivada por sus hijos',
        meso: 'Buena relación con el colegio; no conocía los recursos de empleo del distrito',
        macro: 'Faltan plazas de comedor escolar gratuito, lo que limita el horario en que puede trabajar',
      },
    },
  );
  const agreed = { at: clock.at(-84, 11), recordedBy: LUCIA };
  const commitment = (offset: number) => ({ at: clock.at(offset, 11), confirmedBy: CARMEN_CHAT });
  const task = { createdBy: LUCIA, obstacles: [] as Task['obstacles'] };
  return {
    ...caseBase(clock, {
      id: DEMO_CASE_IDS.strengths,
      workerId: LUCIA,
      openedDaysAgo: 92,
      model: 'strengths',
      priority: 'medium',
      client: { kind: 'individual', name: 'Carmen R.', contact: '600 333 444', language: 'es', timeZone: ZONE },
      referralSource: 'Centro de Salud Norte (trabajadora social sanitaria)',
    }),
    updatedAt: clock.at(-6, 18),
    intensity: assessment.intensity,
    contactEveryDays: assessment.contactEveryDays,
    nextReviewDate: assessment.nextReviewDate,
    assessments: [assessment],
    goals: [
      {
        id: 'G-DMFRZA',
        domain: 'employment',
        actor: 'Carmen',
        text: 'Carmen enviará su currículum a 10 ofertas de media jornada compatibles con el horario escolar',
        indicator: 'Ofertas a las que ha enviado el currículum (lo apunta en su libreta)',
        target: '10 ofertas',
        deadline: clock.day(4),
        support: 'Orientadora laboral del SEPE; la trabajadora social revisa el currículum con ella',
        obstacles: 'Poca confianza en las entrevistas; sin ordenador en casa',
        dependsOnThirdParty: false,
        agreement: agreed,
        status: 'active',
        createdAt: agreed.at,
        createdBy: LUCIA,
      },
      {
        id: 'G-DMFRZB',
        domain: 'income',
        actor: 'Carmen',
        text: 'Carmen presentará la solicitud del Ingreso Mínimo Vital con toda la documentación',
        indicator: 'Solicitud registrada en la sede electrónica',
        target: 'Justificante de registro',
        deadline: clock.day(-40),
        support: 'Acompañamiento para reunir los documentos',
        obstacles: 'No sabe usar la sede electrónica',
        dependsOnThirdParty: false,
        agreement: agreed,
        status: 'achieved',
        createdAt: agreed.at,
        createdBy: LUCIA,
      },
    ],
    contract: {
      id: 'P-DMFRZA',
      sessions: 8,
      startDate: clock.day(-80),
      endDate: clock.day(4),
      createdAt: clock.at(-80, 11),
      createdBy: LUCIA,
      targetProblems: [
        { text: 'No tengo trabajo y el dinero no llega a fin de mes', acknowledgedByClient: true },
        { text: 'No sé buscar un empleo que encaje con el horario de los niños', acknowledgedByClient: true },
      ],
    },
    tasks: [
      {
        ...task,
        id: 'T-DMFRZA',
        goalId: 'G-DMFRZA',
        owner: 'client',
        dueDate: clock.day(-70),
        checkInEveryDays: 7,
        description: 'Ir a la primera cita con la orientadora laboral con el DNI y la tarjeta del paro',
        commitment: commitment(-80),
        status: 'done',
        progress: [progress(clock, -70, 4, CARMEN_CHAT)],
        createdAt: clock.at(-80, 11),
      },
      {
        ...task,
        id: 'T-DMFRZB',
        goalId: 'G-DMFRZA',
        owner: 'client',
        dueDate: clock.day(-50),
        checkInEveryDays: 7,
        description: 'Hacer el currículum con la orientadora',
        obstacles: [{ text: 'No tiene ordenador en casa', kind: 'external' }],
        commitment: commitment(-70),
        status: 'done',
        createdAt: clock.at(-70, 11),
        progress: [
          progress(clock, -60, 2, CARMEN_CHAT, { obstacles: 'No tengo ordenador para terminarlo', needsHelp: true }),
          progress(clock, -50, 4, CARMEN_CHAT),
        ],
      },
      {
        ...task,
        id: 'T-DMFRZC',
        goalId: 'G-DMFRZA',
        owner: 'client',
        dueDate: clock.day(4),
        checkInEveryDays: 7,
        description: 'Enviar el currículum a 10 ofertas de media jornada y apuntarlas en la libreta',
        obstacles: [{ text: 'Miedo a que no la llamen', kind: 'internal' }],
        commitment: commitment(-48),
        status: 'open',
        createdAt: clock.at(-48, 11),
        progress: [
          progress(clock, -20, 2, CARMEN_CHAT, { obstacles: 'Llevo 3 de 10' }),
          progress(clock, -13, 2, CARMEN_CHAT, { obstacles: 'Mi hijo estuvo enfermo esta semana' }),
          progress(clock, -6, 3, CARMEN_CHAT, { obstacles: 'Llevo 7 de 10' }),
        ],
      },
      {
        ...task,
        id: 'T-DMFRZD',
        owner: 'professional',
        ownerName: 'Orientadora laboral (SEPE)',
        dueDate: clock.day(1),
        checkInEveryDays: 7,
        goalId: 'G-DMFRZA',
        description: 'Hacer un ensayo de entrevista de trabajo',
        commitment: { at: clock.at(-10, 11), confirmedBy: LUCIA },
        status: 'open',
        progress: [],
        createdAt: clock.at(-10, 11),
      },
      {
        ...task,
        id: 'T-DMFRZE',
        owner: 'worker',
        dueDate: clock.day(2),
        checkInEveryDays: 7,
        description: 'Pedir la beca de comedor escolar para los dos hijos',
        commitment: { at: clock.at(-12, 11), confirmedBy: LUCIA },
        status: 'open',
        progress: [],
        createdAt: clock.at(-12, 11),
      },
      {
        ...task,
        id: 'T-DMFRZF',
        goalId: 'G-DMFRZB',
        owner: 'client',
        dueDate: clock.day(-40),
        checkInEveryDays: 7,
        description: 'Reunir los papeles y presentar la solicitud del Ingreso Mínimo Vital',
        commitment: commitment(-60),
        status: 'done',
        progress: [progress(clock, -41, 4, CARMEN_CHAT)],
        createdAt: clock.at(-60, 11),
      },
    ],
    referrals: [
      referral(clock, 'R-DMFRZA', { id: 'SV-SEPE', category: 'employment' }, LUCIA, [
        ['proposed', -85],
        ['referred', -84],
        ['accepted', -78],
        ['inProgress', -70, 'Itinerario de orientación: una sesión cada dos semanas'],
      ]),
      referral(clock, 'R-DMFRZB', { id: 'SV-IMV', category: 'income' }, LUCIA, [
        ['proposed', -84],
        ['referred', -41, 'Solicitud presentada por Carmen; pendiente de resolución'],
      ]),
    ],
    contacts: [
      contact(clock, 'K-DMFRZA', -87, 'visit', 75, 'Carmen', 'Valoración en el domicilio; acuerda empezar por empleo e ingresos.', LUCIA),
      contact(clock, 'K-DMFRZB', -80, 'meeting', 45, 'Carmen', 'Firma del plan de tareas (8 sesiones).', LUCIA),
      contact(clock, 'K-DMFRZC', -50, 'call', 20, 'Orientadora laboral', 'Coordinación: el currículum está terminado.', LUCIA),
      contact(clock, 'K-DMFRZD', -27, 'meeting', 40, 'Carmen', 'Seguimiento de las tareas; practica cómo presentarse por teléfono.', LUCIA),
      contact(clock, 'K-DMFRZE', -12, 'call', 15, 'Carmen', 'Lleva 5 ofertas; ánimo y repaso de obstáculos.', LUCIA),
    ],
  };
}
