// One worker's whole case, typed in Spanish: what she types at each step and what the
// reply to it must show. The dates and numbers the replies are checked against come from
// the practice config and the journey's clock, never from copies of them.
import { defaultConfig } from '../../../src/domain/config.js';
import { addDays, formatDate } from '../../../src/domain/dates.js';

export interface Exchange {
  say: string;
  /** What the joined replies to `say` must show. */
  expect: RegExp;
  /** What they must not show. */
  absent?: RegExp;
}

const ex = (say: string, expect: RegExp, absent?: RegExp): Exchange => ({ say, expect, ...(absent ? { absent } : {}) });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A date as the bot writes it to a Spanish user ("miércoles, 4 de marzo de 2026"). */
const esDate = (date: string) => formatDate(date, 'es');

/** The client, as the worker records her. */
export const CLIENT = { name: 'Carmen Ortega Ruiz', contact: 'carmen.ortega@example.org · 611 222 333', referralSource: 'Centro de salud Delicias' } as const;

/** The journey's calendar (Europe/Madrid; every step happens during office hours). */
export const DAYS = {
  intake: '2026-03-02',
  assessment: '2026-03-04',
  goalDeadline: '2026-04-15',
  clientTaskDue: '2026-03-25',
  workerTaskDue: '2026-03-13',
  referral: '2026-03-06',
  accepted: '2026-03-13',
  progress: '2026-03-20',
  firstReview: '2026-04-01',
  finalReview: '2026-04-29',
} as const;

/** An instant on a journey day, at 10:00 in Madrid (CET until 29 March, CEST after). */
export function officeHours(day: string): Date {
  const offsetHours = day < '2026-03-29' ? 1 : 2;
  return new Date(`${day}T${String(10 - offsetHours).padStart(2, '0')}:00:00Z`);
}

const moderate = defaultConfig.intensity.moderate;
export const FIRST_REVIEW_DUE = addDays(DAYS.assessment, moderate.reviewAfterDays);
export const SECOND_REVIEW_DUE = addDays(DAYS.firstReview, moderate.reviewAfterDays);
/** The plan starts on the assessment day and the worker accepts the 8 weeks offered. */
export const PLAN_END = addDays(DAYS.assessment, 8 * 7);

/** The levels given at the assessment, in the bot's order of the 15 life domains. */
export const ASSESSED_LEVELS = {
  income: 3,
  employment: 3,
  housing: 2,
  food: 4,
  health: 4,
  mentalHealth: 3,
  substanceUse: null,
  education: 4,
  familyRelations: 5,
  socialSupport: 4,
  legal: 4,
  safety: 4,
  dailyLiving: 5,
  mobility: 4,
  childcare: 4,
} as const;

export const STRENGTHS = {
  personal: 'Es constante y pide ayuda cuando la necesita',
  family: 'Su hermana la apoya con el cuidado de su hija',
  community: 'Participa en la asociación de vecinos del barrio',
} as const;
export const CLIENT_VIEW = 'Dice que el problema es el alquiler, que no puede pagar desde que le redujeron la jornada';
export const ASPIRATIONS = 'Quiere una vivienda estable para ella y su hija y volver a trabajar a jornada completa';
export const CONTEXT = {
  economic: 'Unos 700 € al mes con jornada parcial',
  social: 'Red social pequeña pero estable',
  family: 'Familia monoparental con una hija de 9 años',
  institutional: 'Inscrita como demandante de vivienda protegida; sin expediente de IMV',
} as const;
export const NOTES = {
  micro: 'Se bloquea ante los trámites administrativos',
  meso: 'Buena relación con el centro de salud; no conoce la Oficina de Vivienda',
  macro: 'El requisito de dos años de empadronamiento para el alquiler social la deja fuera',
} as const;

export function intake(): Exchange[] {
  return [
    // Her first message is the command, with the name; «ok» later keeps her language and time zone.
    ex(`nueva apertura ${CLIENT.name}`, /Hola, Lucía Martín[\s\S]*1\. Nueva apertura de caso[\s\S]*¿A quién atiende el caso\?/),
    ex('persona', /Contacto/, /Nombre o alias/),
    ex(CLIENT.contact, /idioma[\s\S]*«vale» para dejar Español y la zona horaria Europe\/Madrid/),
    ex('ok', /Fuente de derivación/, /Zona horaria/),
    ex(CLIENT.referralSource, /Fecha de la apertura/),
    ex('hoy', new RegExp(`Entiendo: ${escapeRegExp(esDate(DAYS.intake))}`)),
    ex('sí', /consentimiento al tratamiento de sus datos/),
    ex('sí', /recibir mensajes de seguimiento/),
    ex('sí', /Modelo de gestión/),
    ex('corretaje, media', /Resumen de la apertura[\s\S]*Carmen Ortega Ruiz[\s\S]*Corretaje · Prioridad: Media/),
    ex('sí', /Caso C-[A-Z0-9]{6} abierto para Carmen Ortega Ruiz/),
  ];
}

export function assessment(caseId: string): Exchange[] {
  const domainAnswers = Object.values(ASSESSED_LEVELS).map((level) => String(level ?? 'n/a'));
  return [
    // Strengths come first, before any problem is rated.
    ex(
      `valoración ${caseId}`,
      new RegExp(
        `Valoración inicial del caso ${caseId}\\. Empezamos por las fortalezas[\\s\\S]*Puedes dar las tres en un mensaje[\\s\\S]*Fortalezas personales`,
      ),
    ),
    ex([STRENGTHS.personal, STRENGTHS.family, STRENGTHS.community].join('\n'), /Anotadas 3 respuestas, una por línea\.[\s\S]*Cómo ve la persona su situación/),
    ex(
      [CLIENT_VIEW, ASPIRATIONS, CONTEXT.economic, CONTEXT.social, CONTEXT.family, CONTEXT.institutional].join('\n'),
      /Anotadas 6 respuestas, una por línea\.[\s\S]*Ahora los 15 ámbitos[\s\S]*Ámbito 1 de 15: ingresos/,
    ),
    ex(
      domainAnswers.join(' '),
      /Niveles anotados:\n\n- ingresos: 3 · seguro\n- empleo: 3 · seguro\n- vivienda: 2 · vulnerable[\s\S]*- consumo de sustancias: n\/a · no aplica[\s\S]*¿Es correcto\?/,
    ),
    ex('sí', /preocupación por la seguridad/),
    ex('no', /Nota micro/),
    ex(
      [NOTES.micro, NOTES.meso, NOTES.macro].join('\n'),
      new RegExp(
        [
          `Resultado de la valoración del caso ${caseId}`,
          '- Intensidad recomendada: moderada',
          `- Contacto cada ${moderate.contactEveryDays} días · próxima revisión: ${escapeRegExp(esDate(FIRST_REVIEW_DUE))}`,
          '- Necesidades \\(nivel ≤ 3\\): vivienda \\(2\\), ingresos \\(3\\), empleo \\(3\\), salud mental \\(3\\)',
        ].join('[\\s\\S]*'),
      ),
    ),
    ex(
      'sí',
      new RegExp(
        `Valoración guardada en el caso ${caseId}: intensidad moderada, contacto cada ${moderate.contactEveryDays} días, próxima revisión el ${escapeRegExp(esDate(FIRST_REVIEW_DUE))}`,
      ),
    ),
  ];
}

export const GOAL = {
  vague: 'Mejorar su situación de vivienda',
  outcome: 'Conseguir una vivienda de alquiler social',
  ownStep: 'Presentar la solicitud de alquiler social en la Oficina de Vivienda con toda la documentación',
  indicator: 'Solicitud de alquiler social registrada en la Oficina de Vivienda',
  target: 'Solicitud presentada con toda la documentación',
  support: 'Acompañamiento de la trabajadora social para reunir los papeles',
  obstacles: 'Le cuesta ordenar los papeles y le falta una nómina',
} as const;

/**
 * From a vague wish to a SMART goal: the bot coaches the verb and the third party's decision,
 * reads the rest from the client's own step, asks only the deadline, and takes the worker's
 * indicator, target, support and obstacles as corrections to the summary.
 */
export function smartGoal(caseId: string): Exchange[] {
  return [
    ex(`objetivo ${caseId}`, new RegExp(`Nuevo objetivo SMART para ${CLIENT.name} \\(${caseId}\\)`)),
    ex(GOAL.vague, /«Mejorar» no es observable/),
    ex(GOAL.outcome, /«Conseguir una vivienda» depende de terceros[\s\S]*presentar la solicitud de vivienda/),
    ex(GOAL.ownStep, /¿Para qué fecha/),
    ex('15/04/2026', new RegExp(`Entiendo: ${escapeRegExp(esDate(DAYS.goalDeadline))}`)),
    ex('sí', /Objetivo SMART:[\s\S]*Necesidad: vivienda[\s\S]*¿Es correcto\?/),
    ex(`indicador: ${GOAL.indicator}`, new RegExp(`Indicador: ${escapeRegExp(GOAL.indicator)}`)),
    ex(`meta: ${GOAL.target}`, new RegExp(`Meta: ${escapeRegExp(GOAL.target)}`)),
    ex(`apoyos: ${GOAL.support}`, new RegExp(`Apoyos: ${escapeRegExp(GOAL.support)}`)),
    ex(`obstáculos: ${GOAL.obstacles}`, /Depende de terceros: No[\s\S]*¿Es correcto\?/),
    ex('sí', /¿Está de acuerdo la persona usuaria/),
    ex('sí', new RegExp(`Objetivo G-[A-Z0-9]{6} guardado en el caso ${caseId}, con el acuerdo de la persona usuaria registrado`)),
  ];
}

export const PROBLEMS = ['Riesgo de perder la vivienda por los retrasos en el alquiler', 'Ingresos insuficientes desde la reducción de jornada'] as const;

export function contract(caseId: string): Exchange[] {
  const sessions = defaultConfig.taskCentered.sessions;
  return [
    ex(`contrato ${caseId}`, /Problema diana 1 de 3/),
    // Both problems at once, one per line; the plan takes the practice's sessions and 8 weeks from today.
    ex(PROBLEMS.join('\n'), /reconoce estos 2 problemas/),
    ex(
      'sí',
      new RegExp(
        `Resumen del contrato:[\\s\\S]*Sesiones: ${sessions}[\\s\\S]*Del ${escapeRegExp(esDate(DAYS.assessment))} al ${escapeRegExp(esDate(PLAN_END))} \\(8 semanas\\)[\\s\\S]*¿Guardo el contrato\\?`,
      ),
    ),
    ex('sí', new RegExp(`Contrato guardado en el caso ${caseId}: 2 problema\\(s\\) diana, ${sessions} sesiones, hasta el ${escapeRegExp(esDate(PLAN_END))}`)),
  ];
}

export const CLIENT_TASK = {
  description: 'Reunir el padrón, las nóminas y el contrato de alquiler y presentar la solicitud',
  obstacle: 'Se agobia con los trámites y los deja para más tarde',
} as const;
export const WORKER_TASK = {
  description: 'Pedir a la Oficina de Vivienda una cita prioritaria para la solicitud',
  checkInEveryDays: defaultConfig.taskCentered.checkInEveryDays,
} as const;

/** The client's task: she owns it, names an internal obstacle and commits to it. */
export function clientTask(caseId: string): Exchange[] {
  return [
    // The case's only goal: the task is for it without asking.
    ex(`tarea ${caseId}`, /Tarea para el objetivo «Presentar la solicitud de alquiler social[\s\S]*Qué hay que hacer/, /A qué objetivo/),
    // Who and when typed with the description.
    ex(`${CLIENT_TASK.description}, la persona usuaria, para el 25/03/2026`, /Obstáculo previsto 1/, /Quién la hace|Para cuándo/),
    // The cadence the bot offers in the summary is read from this reply by the test.
    ex(
      `${CLIENT_TASK.obstacle} (interno)`,
      new RegExp(
        `Resumen de la tarea:[\\s\\S]*Quién: La persona usuaria[\\s\\S]*Para el: ${escapeRegExp(esDate(DAYS.clientTaskDue))}[\\s\\S]*\\(Interno\\)[\\s\\S]*Seguimiento: cada \\d+ días[\\s\\S]*se compromete`,
      ),
    ),
    ex('sí', new RegExp(`Tarea T-[A-Z0-9]{6} guardada en el caso ${caseId}, con el compromiso de la persona registrado`)),
  ];
}

/** The worker's own task, with no obstacle foreseen. */
export function workerTask(caseId: string): Exchange[] {
  return [
    ex(`tarea ${caseId}`, /Tarea para el objetivo[\s\S]*Qué hay que hacer/),
    ex(`${WORKER_TASK.description}, yo, para el 13/03/2026`, /Obstáculo previsto 1/),
    ex(
      'no',
      new RegExp(
        `Quién: Yo \\(profesional del caso\\)[\\s\\S]*Para el: ${escapeRegExp(esDate(DAYS.workerTaskDue))}[\\s\\S]*Obstáculos previstos: ninguno[\\s\\S]*Guardo la tarea`,
      ),
    ),
    ex('sí', new RegExp(`Tarea T-[A-Z0-9]{6} guardada en el caso ${caseId}\\. Es una tarea tuya`)),
  ];
}

export const REFERRAL_NOTE = 'Enviada con el informe social';

/** Proposed to the housing office of the directory (its only housing service), then referred. */
export function referral(caseId: string): Exchange[] {
  return [
    ex(`derivación ${caseId} nueva vivienda`, /¿Propongo la derivación a «Oficina de Vivienda: alquiler social y ayudas al alquiler» \(gratuito\)\?/),
    ex('sí', /Derivación R-[A-Z0-9]{6} a «Oficina de Vivienda: alquiler social y ayudas al alquiler» guardada como propuesta/),
    ...advance(caseId, { from: 'Propuesta', to: 'derivada', toLabel: 'Derivada', note: REFERRAL_NOTE }),
  ];
}

/** One step along the lifecycle of the case's only active referral, the note (if any) in the same message. */
export function advance(caseId: string, { from, to, toLabel, note }: { from: string; to: string; toLabel: string; note?: string }): Exchange[] {
  return [
    ex(`derivación ${caseId} ${to}${note ? `: ${note}` : ''}`, new RegExp(`de «${from}» a «${toLabel}»`), /Nota sobre este cambio/),
    ex('sí', new RegExp(`Derivación R-[A-Z0-9]{6} actualizada: ${toLabel}`)),
  ];
}

export const CONTACT = { withWhom: 'Carmen y su hija', note: 'Revisamos juntas la documentación de la solicitud de vivienda', minutes: 45 } as const;

/** Typed as a phrase of intent: the type, minutes and with whom come with it, the date is today's. */
export function contactVisit(caseId: string): Exchange[] {
  return [
    ex(
      `apunta una visita de ${CONTACT.minutes} minutos con ${CONTACT.withWhom} en ${caseId}`,
      /Nota del contacto/,
      /Fecha del contacto|Tipo de contacto|Con quién/,
    ),
    ex(
      CONTACT.note,
      new RegExp(
        `Fecha: ${escapeRegExp(esDate(DAYS.accepted))}[\\s\\S]*Tipo: Visita[\\s\\S]*Duración: 45 min[\\s\\S]*Con quién: ${CONTACT.withWhom}[\\s\\S]*¿Guardo el contacto\\?`,
      ),
    ),
    ex('sí', new RegExp(`Contacto K-[A-Z0-9]{6} guardado en el caso ${caseId}`)),
  ];
}

export const ADVOCACY = {
  action: 'Reclamación ante la Oficina de Vivienda por exigir dos años de empadronamiento',
  barrier: 'El requisito de dos años de empadronamiento deja fuera del alquiler social a las familias recién llegadas',
} as const;

export function advocacy(caseId: string): Exchange[] {
  return [
    ex(`defensa ${caseId}`, /Acción de defensa realizada/),
    ex(ADVOCACY.action, /Tipo de barrera/),
    // The level with the type.
    ex('requisitos, macro', /Describe la barrera/),
    ex(ADVOCACY.barrier, /Resultado de la acción/, /Nivel de la barrera/),
    ex('no', /Barrera: Requisitos de acceso \(elegibilidad\) · Macro[\s\S]*Resultado: \(pendiente\)/),
    ex('sí', /La barrera entra en el informe de barreras estructurales/),
  ];
}

export const PROGRESS = {
  clientObstacles: 'Le faltaba una nómina; la pidió a la empresa',
  workerObstacles: 'La Oficina de Vivienda cerró por obras esa semana',
} as const;

/** A 3 on the client's task, then "no opportunity" on the worker's: each task named by its number, the obstacles with the rating. */
export function progress(caseId: string): Exchange[] {
  return [
    ex(`avance ${caseId} tarea 1`, /escala de 4 puntos/),
    ex(
      `3, ${PROGRESS.clientObstacles}`,
      /Avance registrado en «Reunir el padrón[^»]*»: Sustancialmente conseguida[\s\S]*Media de la tarea: 3 sobre 4, con 1 registro\(s\)/,
    ),
    ex(`avance ${caseId} tarea 2`, /escala de 4 puntos/),
    ex(`sin oportunidad, ${PROGRESS.workerObstacles}`, /Sin oportunidad \(no cuenta en la media\)[\s\S]*aún no tiene grados de logro que cuenten/),
  ];
}

/** The domains the review asks again: those the assessment gave a level (n/a is carried over). */
const RERATED = Object.entries(ASSESSED_LEVELS)
  .filter(([, level]) => level !== null)
  .map(([domain]) => domain);

export const FIRST_REVIEW_NOTE = 'La solicitud está presentada; seguimos con el plan';

export function firstReview(caseId: string): Exchange[] {
  return [
    ex(
      `revisión ${caseId}`,
      new RegExp(
        [
          `Reevaluación del caso ${caseId} \\(${CLIENT.name}\\)`,
          'Objetivo «Presentar la solicitud de alquiler social',
          'media de sus tareas: 3/4',
          `Ahora vuelve a puntuar los ${RERATED.length} ámbitos`,
          `Ámbito 1 de ${RERATED.length}: ingresos \\(antes: 3\\)`,
        ].join('[\\s\\S]*'),
      ),
    ),
    ex('igual salvo vivienda 3', /vivienda: 2 → 3 \(mejora\)[\s\S]*intensidad recomendada es moderada \(ahora: moderada\)[\s\S]*¿Qué decides para el caso\?/),
    ex('continuar', new RegExp(`Próxima revisión propuesta por la intensidad moderada: ${escapeRegExp(esDate(SECOND_REVIEW_DUE))}`)),
    ex('ok', /Nota de la reevaluación/),
    ex(
      FIRST_REVIEW_NOTE,
      new RegExp(
        `Ámbitos puntuados de nuevo: ${RERATED.length}[\\s\\S]*Decisión: Continuar[\\s\\S]*Próxima revisión: ${escapeRegExp(esDate(SECOND_REVIEW_DUE))}`,
      ),
    ),
    ex('sí', new RegExp(`Reevaluación guardada en el caso ${caseId}\\. Próxima revisión: ${escapeRegExp(esDate(SECOND_REVIEW_DUE))}`)),
  ];
}

export const FINAL_REVIEW_NOTE = 'La solicitud fue aceptada; el objetivo está cumplido';
export const CLOSURE_SUMMARY =
  'Carmen presentó la solicitud de alquiler social, que la Oficina de Vivienda aceptó. ' +
  'Se recomienda seguir en contacto con el servicio de orientación laboral.';

/** The last review decides to close, and the closure follows in the same conversation. */
export function finalReviewAndClosure(caseId: string): Exchange[] {
  return [
    ex(`revisión ${caseId}`, /Reevaluación del caso[\s\S]*Ámbito 1 de/),
    ex('igual salvo vivienda 4', /vivienda: 3 → 4 \(mejora\)[\s\S]*¿Qué decides para el caso\?/),
    ex('cerrar', /Nota de la reevaluación/),
    ex(FINAL_REVIEW_NOTE, /Decisión: Cerrar el caso[\s\S]*no hace falta: el caso pasa al cierre/),
    // The summary just said no next review is needed: the confirmation must not announce one.
    ex(
      'sí',
      new RegExp(
        `Reevaluación guardada en el caso ${caseId}[\\s\\S]*pasamos al cierre[\\s\\S]*Cierre del caso ${caseId}[\\s\\S]*¿Por qué se cierra el caso\\?`,
      ),
      /Próxima revisión: (lunes|martes|miércoles|jueves|viernes|sábado|domingo)/,
    ),
    ex('objetivos cumplidos', /Objetivo 1 de 1: «Presentar la solicitud de alquiler social[^»]*»\. ¿Resultado\?/),
    ex('logrado', /Derivación 1 de 1: «[^»]+»\. ¿Cómo termina\?/),
    ex('completada', /Resumen del cierre \(situación final/),
    ex(CLOSURE_SUMMARY, /Motivo: Objetivos cumplidos[\s\S]*: Logrado[\s\S]*¿Cierro el caso\?/),
    ex('sí', new RegExp(`Caso ${caseId} cerrado\\. Ahora es de solo lectura`)),
  ];
}

/** A contact on the closed case is refused before anything is asked. */
export function contactAfterClosure(caseId: string): Exchange[] {
  return [ex(`contacto ${caseId}`, new RegExp(`El caso ${caseId} está cerrado y es de solo lectura`))];
}
