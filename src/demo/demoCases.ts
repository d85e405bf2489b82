// The demo's four cases, one per management model, each at a different stage: just opened
// (intensive), assessed with a task-centred plan and progress (strengths-based), linked to
// services with contacts and advocacy (brokerage), and closed (clinical). Dates count from
// the day the demo is seeded, so a review falls due in a few days and another is overdue.
import type { Case, Task } from '../domain/schemas.js';
import { DEMO_ZONE as ZONE, type DemoClock, caseBase, completedAssessment, contact, progress, referral } from './demoBuilders.js';
import { PLAYGROUND_USERS } from './playgroundUsers.js';

const LUCIA = PLAYGROUND_USERS.worker.aadObjectId;
const PABLO = PLAYGROUND_USERS.worker2.aadObjectId;
const CARMEN_CHAT = PLAYGROUND_USERS.client.aadObjectId;

export const DEMO_CASE_IDS = { intensive: 'C-DEMNTV', strengths: 'C-DEMFRZ', brokerage: 'C-DEMBRK', clinical: 'C-DEMCNC' } as const;

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

/** Brokerage model: linking to services, contacts and an advocacy action; the review is 4 days overdue. */
function brokerageCase(clock: DemoClock): Case {
  const assessment = completedAssessment(
    clock,
    'A-DMBRKA',
    'initial',
    -94,
    LUCIA,
    {
      income: 2,
      employment: 2,
      housing: 2,
      food: 2,
      health: 3,
      mentalHealth: 4,
      substanceUse: 5,
      education: 3,
      familyRelations: 3,
      socialSupport: 3,
      legal: 3,
      safety: 4,
      dailyLiving: 4,
      mobility: 5,
      childcare: 3,
    },
    {
      strengths: {
        personal: 'Rosa gestiona bien el dinero que tienen; Daniel tiene oficio en la construcción',
        family: 'Pareja unida; los tres hijos están sanos',
        community: 'Buena relación con el colegio y con una vecina que les ayuda',
      },
      clientView: 'Necesitan ayuda con la comida y el alquiler mientras Daniel encuentra trabajo',
      context: {
        economic: 'Sin ingresos desde el despido de Daniel; tres meses de alquiler sin pagar',
        family: 'Rosa y Daniel, con tres hijos de 4, 9 y 12 años',
        institutional: 'No estaban empadronados en la vivienda actual',
      },
      notes: {
        meso: 'El colegio detecta faltas de asistencia del hijo mayor',
        macro: 'El padrón exige contrato de alquiler: sin él no pueden pedir el Ingreso Mínimo Vital ni la ayuda al alquiler',
      },
    },
  );
  const agreed = { at: clock.at(-90, 11), recordedBy: LUCIA };
  return {
    ...caseBase(clock, {
      id: DEMO_CASE_IDS.brokerage,
      workerId: LUCIA,
      openedDaysAgo: 120,
      model: 'brokerage',
      priority: 'high',
      client: { kind: 'family', name: 'Familia Moreno Díaz', contact: 'Rosa (madre): 600 555 666', language: 'es', timeZone: ZONE },
      referralSource: 'Colegio público Miguel Hernández (equipo de orientación)',
    }),
    updatedAt: clock.at(-2, 18),
    intensity: assessment.intensity,
    contactEveryDays: assessment.contactEveryDays,
    nextReviewDate: assessment.nextReviewDate,
    assessments: [assessment],
    goals: [
      {
        id: 'G-DMBRKA',
        domain: 'income',
        actor: 'Rosa',
        text: 'Rosa presentará la solicitud del Ingreso Mínimo Vital con el certificado de empadronamiento',
        indicator: 'Solicitud registrada',
        target: 'Justificante de presentación',
        deadline: clock.day(-55),
        support: 'Acompañamiento de la trabajadora social al registro',
        obstacles: 'Faltaba el empadronamiento',
        dependsOnThirdParty: false,
        agreement: agreed,
        status: 'achieved',
        createdAt: agreed.at,
        createdBy: LUCIA,
      },
      {
        id: 'G-DMBRKB',
        domain: 'housing',
        actor: 'Rosa y Daniel',
        text: 'Rosa y Daniel pagarán cada mes el alquiler y 100 € de la deuda, según el acuerdo con el casero',
        indicator: 'Meses con el alquiler y el plazo de la deuda pagados',
        target: '3 meses seguidos',
        deadline: clock.day(30),
        support: 'Lote del Banco de Alimentos para liberar dinero para el alquiler',
        obstacles: 'Trabajo temporal de Daniel',
        dependsOnThirdParty: false,
        agreement: agreed,
        status: 'active',
        createdAt: agreed.at,
        createdBy: LUCIA,
      },
    ],
    tasks: [
      {
        id: 'T-DMBRKA',
        goalId: 'G-DMBRKB',
        owner: 'client',
        dueDate: clock.day(25),
        checkInEveryDays: 30,
        description: 'Pagar el alquiler del mes y el plazo de 100 € de la deuda',
        obstacles: [{ text: 'El sueldo de Daniel llega a veces tarde', kind: 'external' }],
        commitment: { at: clock.at(-60, 11), confirmedBy: LUCIA },
        status: 'open',
        progress: [progress(clock, -31, 3, LUCIA, { obstacles: 'Pagaron el alquiler; la mitad del plazo' }), progress(clock, -2, 4, LUCIA)],
        createdAt: clock.at(-60, 11),
        createdBy: LUCIA,
      },
      {
        id: 'T-DMBRKB',
        owner: 'worker',
        dueDate: clock.day(7),
        checkInEveryDays: 14,
        description: 'Pedir a la Oficina de Vivienda la valoración de urgencia por riesgo de desahucio',
        obstacles: [],
        commitment: { at: clock.at(-9, 11), confirmedBy: LUCIA },
        status: 'open',
        progress: [],
        createdAt: clock.at(-9, 11),
        createdBy: LUCIA,
      },
    ],
    referrals: [
      referral(clock, 'R-DMBRKA', { id: 'SV-BANALI', category: 'food' }, LUCIA, [
        ['proposed', -92],
        ['referred', -91],
        ['accepted', -84],
        ['inProgress', -80, 'Recogen el lote el primer martes de cada mes'],
      ]),
      referral(clock, 'R-DMBRKB', { id: 'SV-IMV', category: 'income' }, LUCIA, [
        ['proposed', -92],
        ['referred', -58, 'Presentada el día después del empadronamiento'],
      ]),
      referral(clock, 'R-DMBRKC', { id: 'SV-VIVIEN', category: 'housing' }, LUCIA, [
        ['proposed', -90],
        ['referred', -57],
        ['accepted', -40, 'Inscritos en el registro de demandantes'],
      ]),
      referral(clock, 'R-DMBRKD', { id: 'SV-SEPE', category: 'employment' }, LUCIA, [
        ['proposed', -90],
        ['declined', -70, 'Daniel tiene un contrato temporal en la construcción; no quiere el itinerario por ahora'],
      ]),
    ],
    contacts: [
      contact(clock, 'K-DMBRKA', -110, 'visit', 60, 'Rosa y Daniel', 'Visita al domicilio: humedades, tres menores, tres meses de alquiler sin pagar.', LUCIA),
      contact(clock, 'K-DMBRKB', -95, 'meeting', 45, 'Equipo de orientación del colegio', 'Coordinación por las faltas de asistencia del hijo mayor.', LUCIA),
      contact(clock, 'K-DMBRKC', -59, 'accompaniment', 120, 'Rosa', 'Acompañamiento al padrón con el informe social.', LUCIA),
      contact(clock, 'K-DMBRKD', -30, 'call', 20, 'Rosa', 'Reciben el lote de alimentos; el casero acepta aplazar la deuda.', LUCIA),
      contact(clock, 'K-DMBRKE', -9, 'call', 15, 'Oficina de Vivienda', 'Confirman la inscripción; espera estimada de 8 meses.', LUCIA),
    ],
    advocacy: [
      {
        id: 'A-DMBRKB',
        date: clock.day(-62),
        barrierType: 'procedure',
        level: 'macro',
        by: LUCIA,
        at: clock.at(-62, 13),
        action: 'Informe social al servicio de padrón para empadronar a la familia sin contrato de alquiler, como permiten las instrucciones del INE',
        barrier: 'El padrón pedía un contrato de alquiler; sin empadronamiento la familia no podía pedir el Ingreso Mínimo Vital ni la ayuda al alquiler',
        outcome: 'Empadronamiento concedido en 3 días; se propone un protocolo para otros casos',
      },
    ],
  };
}

/** Clinical model, closed with its goals met after two reviews (Pablo's case). */
function closedCase(clock: DemoClock): Case {
  const initial = completedAssessment(
    clock,
    'A-DMCNCA',
    'initial',
    -195,
    PABLO,
    {
      income: 4,
      employment: null,
      housing: 4,
      food: 4,
      health: 3,
      mentalHealth: 2,
      substanceUse: 2,
      education: null,
      familyRelations: 3,
      socialSupport: 2,
      legal: 5,
      safety: 4,
      dailyLiving: 3,
      mobility: 4,
      childcare: null,
    },
    {
      strengths: { personal: 'Buen humor y ganas de cuidarse', family: 'Su hija le llama cada semana', community: 'Antiguo socio del centro de mayores' },
      clientView: 'Desde que murió su mujer no tiene ganas de salir y bebe por las tardes',
      context: { social: 'Vive solo; ha dejado de ir al centro de mayores', family: 'Viudo desde hace 8 meses; una hija en otra ciudad' },
      notes: { micro: 'Duelo complicado, ánimo bajo', meso: 'Sin seguimiento en salud mental hasta ahora' },
    },
  );
  const review = completedAssessment(
    clock,
    'A-DMCNCB',
    'review',
    -14,
    PABLO,
    {
      ...initial.ratings,
      mentalHealth: 4,
      substanceUse: 4,
      socialSupport: 4,
      dailyLiving: 4,
    },
    { strengths: initial.strengths, context: {}, notes: { micro: 'Ha recuperado rutinas y ganas de salir' } },
  );
  const agreed = { at: clock.at(-190, 11), recordedBy: PABLO };
  const goal = (id: string, domain: Case['goals'][number]['domain'], text: string, indicator: string, target: string, status: 'achieved' | 'active') => ({
    id,
    domain,
    actor: 'Antonio',
    text,
    indicator,
    target,
    deadline: clock.day(-110),
    support: 'Sesiones de apoyo con el trabajador social',
    obstacles: 'Ánimo bajo por las tardes',
    dependsOnThirdParty: false,
    agreement: agreed,
    status,
    createdAt: agreed.at,
    createdBy: PABLO,
  });
  const closedAt = clock.at(-10, 12);
  return {
    ...caseBase(clock, {
      id: DEMO_CASE_IDS.clinical,
      workerId: PABLO,
      openedDaysAgo: 200,
      model: 'clinical',
      priority: 'medium',
      client: { kind: 'individual', name: 'Antonio G.', contact: '600 777 888', language: 'es', timeZone: ZONE },
      referralSource: 'Médica de familia del Centro de Salud Norte',
    }),
    status: 'closed',
    updatedAt: closedAt,
    intensity: review.intensity,
    contactEveryDays: review.contactEveryDays,
    assessments: [initial, review],
    goals: [
      goal(
        'G-DMCNCA',
        'mentalHealth',
        'Antonio irá a sus citas en el Centro de Salud Mental y seguirá el tratamiento',
        'Citas a las que acude',
        '4 de 4 citas',
        'achieved',
      ),
      goal(
        'G-DMCNCB',
        'socialSupport',
        'Antonio irá una vez por semana al taller de memoria del centro de mayores',
        'Semanas con asistencia',
        '8 semanas',
        'achieved',
      ),
      goal(
        'G-DMCNCC',
        'substanceUse',
        'Antonio beberá alcohol como mucho dos días por semana',
        'Días con alcohol por semana (autorregistro)',
        '2 días o menos',
        'active',
      ),
    ],
    contract: {
      id: 'P-DMCNCA',
      sessions: 10,
      startDate: clock.day(-190),
      endDate: clock.day(-106),
      createdAt: clock.at(-190, 11),
      createdBy: PABLO,
      targetProblems: [
        { text: 'Me siento solo y no tengo ganas de salir de casa', acknowledgedByClient: true },
        { text: 'Bebo más de lo que quiero por las tardes', acknowledgedByClient: true },
      ],
    },
    tasks: [
      {
        id: 'T-DMCNCA',
        goalId: 'G-DMCNCB',
        owner: 'client',
        dueDate: clock.day(-130),
        checkInEveryDays: 7,
        description: 'Ir al taller de memoria los martes',
        obstacles: [{ text: 'Le cuesta salir cuando llueve', kind: 'internal' }],
        commitment: { at: clock.at(-188, 11), confirmedBy: PABLO },
        status: 'done',
        createdAt: clock.at(-188, 11),
        createdBy: PABLO,
        progress: [progress(clock, -170, 2, PABLO), progress(clock, -150, 3, PABLO), progress(clock, -130, 4, PABLO)],
      },
      {
        id: 'T-DMCNCB',
        goalId: 'G-DMCNCC',
        owner: 'client',
        dueDate: clock.day(-110),
        checkInEveryDays: 14,
        description: 'Apuntar cada noche si ha bebido y cuánto',
        obstacles: [],
        commitment: { at: clock.at(-188, 11), confirmedBy: PABLO },
        status: 'done',
        createdAt: clock.at(-188, 11),
        createdBy: PABLO,
        progress: [progress(clock, -160, 'noOpportunity', PABLO, { obstacles: 'Ingresado tres días por una caída' }), progress(clock, -120, 3, PABLO)],
      },
    ],
    referrals: [
      referral(clock, 'R-DMCNCA', { id: 'SV-CSM', category: 'mentalHealth' }, PABLO, [
        ['proposed', -192],
        ['referred', -191],
        ['accepted', -180],
        ['inProgress', -175],
        ['completed', -20, 'Alta en el Centro de Salud Mental con seguimiento en primaria'],
      ]),
      referral(clock, 'R-DMCNCB', { id: 'SV-CAD', category: 'addiction' }, PABLO, [
        ['proposed', -185],
        ['declined', -183, 'Prefiere trabajar el consumo con su médica de familia'],
      ]),
    ],
    contacts: [
      contact(clock, 'K-DMCNCA', -195, 'visit', 60, 'Antonio', 'Valoración en el domicilio.', PABLO),
      contact(clock, 'K-DMCNCB', -160, 'meeting', 50, 'Antonio', 'Sesión de apoyo: duelo y rutinas de la tarde.', PABLO),
      contact(clock, 'K-DMCNCC', -100, 'meeting', 50, 'Antonio', 'Revisión del plan con Antonio.', PABLO),
      contact(clock, 'K-DMCNCD', -14, 'visit', 45, 'Antonio', 'Revisión final y preparación del cierre.', PABLO),
    ],
    reviews: [
      { id: 'RV-DMCNCA', at: clock.at(-104, 12), by: PABLO, decision: 'continue', nextReviewDate: clock.day(-14), note: 'Buena evolución; sigue el plan.' },
      {
        id: 'RV-DMCNCB',
        at: clock.at(-14, 12),
        by: PABLO,
        assessmentId: review.id,
        decision: 'close',
        note: 'Objetivos de salud mental y relación cumplidos.',
      },
    ],
    closure: {
      at: closedAt,
      by: PABLO,
      reason: 'goalsMet',
      summary: 'Antonio ha recuperado sus rutinas, va al centro de mayores y sigue en atención primaria. Reduce el consumo de alcohol, aún no del todo.',
      outcomes: [
        { goalId: 'G-DMCNCA', outcome: 'achieved' },
        { goalId: 'G-DMCNCB', outcome: 'achieved' },
        { goalId: 'G-DMCNCC', outcome: 'partial' },
      ],
    },
  };
}
