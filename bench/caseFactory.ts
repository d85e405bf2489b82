// Realistic cases for the benchmark, shaped as an agency's open cases: a completed
// assessment, 3 SMART goals, a contract, 6 tasks with 20 progress entries between them,
// referrals and 30 contacts, varied by a seeded generator so two runs write the same data.
// Dates run up to the day given, so the follow-ups derived from them are current. Every
// case is validated with CaseSchema, as the store would.
import { LIFE_DOMAINS, CaseSchema, StaffSchema, type Case, type Contact, type LifeDomain, type Staff } from '../src/domain/schemas.js';
import { READABLE_ALPHABET } from '../src/domain/ids.js';

const DAY = 86_400_000;
const WORKERS_PER_TEAM = 8;
const TEAMS = ['norte', 'sur', 'este', 'oeste', 'centro'];

const NOTES = [
  'Visita domiciliaria: revisamos la solicitud de vivienda y el presupuesto familiar del mes.',
  'Llamada de seguimiento; la persona ha pedido cita en el centro de salud y la tiene para el jueves.',
  'Acompañamiento a la oficina de empleo para actualizar la demanda y pedir el itinerario personalizado.',
  'Reunión con la trabajadora del colegio sobre la asistencia de los menores; ha mejorado en las dos últimas semanas.',
  'Mensaje para recordar la documentación del Ingreso Mínimo Vital: falta el certificado de empadronamiento.',
  'Coordinación con Cáritas para la ayuda puntual de alquiler; quedan pendientes los recibos de luz.',
];
const TASKS = [
  'Presentar la solicitud de vivienda protegida en la Empresa Municipal',
  'Pedir cita con el médico de familia para la derivación a salud mental',
  'Llevar el currículum actualizado al servicio de orientación laboral',
  'Reunir los recibos de los tres últimos meses para la ayuda de alquiler',
  'Llamar a la escuela infantil para preguntar por las plazas de septiembre',
  'Acudir a la primera sesión del grupo de apoyo del centro comunitario',
];
const OBSTACLES = [
  'No tiene con quién dejar a los niños por la mañana',
  'Le cuesta ir sola a las oficinas por la ansiedad',
  'El horario de la oficina coincide con su trabajo por horas',
  'No tiene saldo en el móvil para llamar',
];
const SERVICES = [
  { id: 'SV-VIVIEN', category: 'housing', cost: 0 },
  { id: 'SV-SEPE', category: 'employment', cost: 0 },
  { id: 'SV-BANALI', category: 'food', cost: 0 },
  { id: 'SV-CSM', category: 'mentalHealth', cost: 0 },
  { id: 'SV-DIAMAY', category: 'dayCare', cost: 180 },
];

/** A deterministic pseudo-random source (mulberry32), so every run builds the same cases. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `C-` and six readable characters, unique per index (31^6 ids). */
export function benchCaseId(index: number): string {
  let rest = index;
  let chars = '';
  for (let i = 0; i < 6; i++) {
    chars = READABLE_ALPHABET[rest % READABLE_ALPHABET.length] + chars;
    rest = Math.floor(rest / READABLE_ALPHABET.length);
  }
  return `C-${chars}`;
}

export function workerIdFor(index: number): string {
  return `worker-${index % (TEAMS.length * WORKERS_PER_TEAM)}`;
}

function teamFor(index: number): string {
  return TEAMS[Math.floor((index % (TEAMS.length * WORKERS_PER_TEAM)) / WORKERS_PER_TEAM)]!;
}

/** The workers the bench cases belong to, one per id `workerIdFor` gives, in their teams. */
export function benchWorkers(): Staff[] {
  return Array.from({ length: TEAMS.length * WORKERS_PER_TEAM }, (_, index) =>
    StaffSchema.parse({
      id: workerIdFor(index),
      name: `Trabajadora ${index}`,
      role: 'worker',
      team: teamFor(index),
      availableHoursPerMonth: 120,
      language: 'es',
      timeZone: 'Europe/Madrid',
      createdAt: '2025-01-01T09:00:00.000Z',
    }),
  );
}

export function benchContact(serial: number, by: string, at: Date): Contact {
  return {
    id: `K-${serial}`,
    date: day(at),
    type: 'call',
    minutes: 15,
    withWhom: 'cliente',
    note: NOTES[serial % NOTES.length]!,
    by,
    at: at.toISOString(),
  };
}

/** Progress entries per task, 20 in all over the 6 tasks. */
const PROGRESS_PER_TASK = [4, 4, 3, 3, 3, 3];
const CONTACTS = 30;
const GOALS = 3;

/** Case `index`, opened between 60 and 400 days before `today` (midnight UTC). */
export function makeBenchCase(index: number, today = new Date(Date.UTC(2026, 5, 1))): Case {
  const random = seededRandom(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const id = benchCaseId(index);
  const workerId = workerIdFor(index);
  const team = teamFor(index);
  const opened = new Date(today.getTime() - between(60, 400) * DAY + 9 * 3600_000);
  const at = (daysAfter: number) => new Date(opened.getTime() + daysAfter * DAY);
  const stamp = (daysAfter: number) => at(daysAfter).toISOString();

  const ratings = Object.fromEntries(LIFE_DOMAINS.map((domain) => [domain, random() < 0.1 ? null : between(1, 5)]));
  const needs = LIFE_DOMAINS.filter((domain) => (ratings[domain] ?? 5) <= 3);
  const goalDomains: LifeDomain[] = [...needs, ...LIFE_DOMAINS.filter((domain) => !needs.includes(domain))].slice(0, GOALS);

  const goals = goalDomains.map((domain, g) => ({
    id: `G-${index}-${g}`,
    domain,
    text: `${pick(TASKS)} antes de la fecha acordada`,
    actor: 'la persona usuaria',
    indicator: 'Justificante de registro entregado',
    target: '1 solicitud presentada',
    deadline: day(new Date(today.getTime() + 120 * DAY)),
    support: 'Acompañamiento de la trabajadora social el primer día',
    obstacles: pick(OBSTACLES),
    dependsOnThirdParty: false,
    agreement: { at: stamp(8), recordedBy: workerId },
    status: 'active' as const,
    createdAt: stamp(8),
    createdBy: workerId,
  }));

  const tasks = goals.flatMap((goal, g) =>
    [0, 1].map((t) => ({
      id: `T-${index}-${g}-${t}`,
      goalId: goal.id,
      description: pick(TASKS),
      owner: t === 0 ? ('client' as const) : ('worker' as const),
      // Due in the weeks around today, so check-ins and due-date reminders are pending.
      dueDate: day(new Date(today.getTime() + between(-7, 45) * DAY)),
      obstacles: [{ text: pick(OBSTACLES), kind: 'internal' as const }],
      checkInEveryDays: 7,
      commitment: { at: stamp(9), confirmedBy: workerId },
      status: 'open' as const,
      progress: Array.from({ length: PROGRESS_PER_TASK[g * 2 + t]! }, (_, p) => ({
        at: stamp(16 + 7 * p),
        rating: pick([1, 2, 3, 4, 'noOpportunity'] as const),
        obstacles: pick(OBSTACLES),
        needsHelp: random() < 0.2,
        source: 'client' as const,
        by: `U-${index}`,
      })),
      createdAt: stamp(9),
      createdBy: workerId,
    })),
  );

  const contacts = Array.from({ length: CONTACTS }, (_, k) => benchContact(index * 100 + k, workerId, at(k + 1)));

  const referrals = Array.from({ length: between(1, 2) }, (_, r) => {
    const service = SERVICES[(index + r) % SERVICES.length]!;
    return {
      id: `R-${index}-${r}`,
      serviceId: service.id,
      category: service.category,
      status: 'accepted' as const,
      history: [
        { status: 'referred' as const, at: stamp(12), by: workerId },
        { status: 'accepted' as const, at: stamp(20), by: workerId, note: 'Plaza confirmada por teléfono' },
      ],
      cost: service.cost,
      createdAt: stamp(12),
      createdBy: workerId,
    };
  });

  return CaseSchema.parse({
    id,
    status: 'open',
    workerId,
    team,
    sharedWith: [],
    createdAt: stamp(0),
    updatedAt: stamp(40),
    client: {
      kind: pick(['individual', 'family'] as const),
      name: `Persona ${index}`,
      contact: `600 ${String(index).padStart(6, '0')}`,
      language: 'es',
      timeZone: 'Europe/Madrid',
    },
    referralSource: 'Centro de salud',
    intakeDate: day(opened),
    consent: { dataProcessing: true, messaging: true, recordedAt: stamp(0), recordedBy: workerId },
    model: pick(['brokerage', 'intensive', 'clinical', 'strengths'] as const),
    priority: pick(['high', 'medium', 'low'] as const),
    intensity: 'moderate',
    contactEveryDays: 21,
    nextReviewDate: day(new Date(today.getTime() + between(1, 90) * DAY)),
    budget: 500,
    assessments: [
      {
        id: `A-${index}`,
        kind: 'initial',
        startedAt: stamp(5),
        completedAt: stamp(7),
        by: workerId,
        ratings,
        strengths: { personal: 'Constancia y buena disposición', family: 'Apoyo de su hermana', community: 'Vínculo con la parroquia del barrio' },
        clientView: 'Quiere estabilidad en la vivienda y un trabajo con horario compatible con los niños.',
        aspirations: 'Tener un contrato de alquiler a su nombre.',
        context: {
          economic: 'Ingresos irregulares por trabajos de limpieza',
          social: 'Red de apoyo pequeña',
          family: 'Monoparental, dos menores',
          institutional: 'Pendiente de resolución del IMV',
        },
        notes: { micro: pick(NOTES), meso: pick(NOTES), macro: 'Lista de espera de vivienda protegida superior a dos años' },
        safetyConcern: false,
        intensity: 'moderate',
        contactEveryDays: 21,
        nextReviewDate: day(at(97)),
      },
    ],
    goals,
    contract: {
      id: `CT-${index}`,
      targetProblems: [{ text: 'Riesgo de pérdida de la vivienda', acknowledgedByClient: true }],
      sessions: 8,
      startDate: day(at(9)),
      endDate: day(new Date(today.getTime() + 60 * DAY)),
      createdAt: stamp(9),
      createdBy: workerId,
    },
    tasks,
    referrals,
    contacts,
    advocacy:
      random() < 0.2
        ? [
            {
              id: `AD-${index}`,
              date: day(at(25)),
              action: 'Escrito a la Oficina de Vivienda solicitando prioridad',
              barrierType: 'procedure',
              barrier: 'Exigen dos años de empadronamiento',
              level: 'macro',
              by: workerId,
              at: stamp(25),
            },
          ]
        : [],
    reviews: [],
    alerts: [],
    reopenings: [],
  });
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
