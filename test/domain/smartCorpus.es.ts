// Goals as caseworkers write them in Spanish, each labelled with the first thing a
// supervisor would question about it, or «ready» when it can be agreed as it is. Read on
// Monday 23 November 2026 in Madrid.
import type { CorpusGoal } from './smartCorpus.js';

export const SPANISH_GOALS: CorpusGoal[] = [
  // ---- ready: action, measure and deadline in one sentence -----------------------------
  { text: 'Ana enviará 3 currículos por semana hasta el 31 de enero', label: 'ready' },
  { text: 'Presentar la solicitud del ingreso mínimo vital antes del 20 de diciembre', label: 'ready' },
  { text: 'Ana pedirá el certificado de empadronamiento en la junta municipal antes del 15 de diciembre', label: 'ready' },
  { text: 'Luis acudirá a 4 sesiones del grupo de apoyo del centro de salud mental antes del 31 de enero', label: 'ready' },
  { text: 'Ana llamará a 2 empresas de limpieza cada semana hasta el 15 de enero', label: 'ready' },
  { text: 'Juan asistirá a clase 5 días por semana hasta el 22 de diciembre', label: 'ready' },
  { text: 'Marta renovará la tarjeta de demanda de empleo antes del 10 de diciembre', label: 'ready' },
  { text: 'Ana se inscribirá en el curso de auxiliar de comercio antes del 4 de diciembre', label: 'ready' },
  { text: 'Pedro pagará 50 € de la deuda de la luz cada mes hasta marzo', label: 'ready' },
  { text: 'La familia acudirá a 3 sesiones de la escuela de padres antes del 28 de febrero', label: 'ready' },
  { text: 'Rosa irá a la consulta de la psicóloga cada 15 días hasta el 31 de marzo', label: 'ready' },
  { text: 'Karim entregará el NIE y el pasaporte en la oficina de extranjería antes del 18 de diciembre', label: 'ready' },
  { text: 'Ana apuntará sus gastos cada día en una libreta hasta el 31 de diciembre', label: 'ready' },
  { text: 'Luis devolverá 30 euros al mes a su hermano hasta junio', label: 'ready' },
  { text: 'Que Ana acuda a las 4 citas con la orientadora laboral antes del 15 de febrero', label: 'ready' },
  { text: 'Sofía hará 2 entrevistas de práctica con la técnica de empleo antes del 11 de diciembre', label: 'ready' },
  { text: 'Pedir cita en el centro de salud para la revisión del niño antes del viernes 4 de diciembre', label: 'ready' },
  { text: 'Ana abrirá una cuenta bancaria a su nombre antes del 30 de diciembre', label: 'ready' },
  { text: 'El padre llevará a los niños al colegio 5 días por semana hasta el 22 de diciembre', label: 'ready' },
  { text: 'Juan dedicará 1 hora al día a los deberes hasta el 18 de diciembre', label: 'ready' },
  { text: 'Ana se empadronará en su nuevo domicilio antes del 15 de diciembre', label: 'ready' },
  { text: 'Carmen caminará 30 minutos 3 veces por semana hasta el 31 de enero', label: 'ready' },
  { text: 'Ana enviará la reclamación a la compañía del agua antes del 2 de diciembre', label: 'ready' },
  { text: 'Mohamed se apuntará a 2 ofertas de empleo por semana en el portal del SEPE hasta el 31 de enero', label: 'ready' },
  { text: 'Lucía irá al banco de alimentos todos los martes hasta el 22 de diciembre', label: 'ready' },
  { text: 'Ana aprenderá a usar el autobús yendo sola al centro de día 2 veces por semana hasta el 31 de enero', label: 'ready' },
  { text: 'Pilar acudirá a 6 sesiones de terapia familiar antes del 30 de marzo', label: 'ready' },
  { text: 'Ana llevará a su hija a la logopeda todos los jueves hasta el 28 de febrero', label: 'ready' },
  { text: 'Solicitar el bono social eléctrico antes del 15 de diciembre', label: 'ready' },
  { text: 'Que Luis esté inscrito en el SEPE antes del 10 de diciembre', label: 'ready' },
  { text: 'Omar firmará el contrato de alquiler antes del 1 de diciembre de 2026', label: 'ready' },
  { text: 'Que la madre participe en 2 actividades del centro cívico al mes hasta marzo', label: 'ready' },
  { text: 'Ana pagará el recibo de la luz antes del 5 de diciembre', label: 'ready' },
  { text: 'Apuntarse a la bolsa de empleo del ayuntamiento antes del 12 de diciembre', label: 'ready' },
  { text: 'Rosa acudirá a Cáritas cada 2 semanas hasta el 31 de enero', label: 'ready' },
  { text: 'Hablar con la tutora de su hijo antes del viernes 11 de diciembre', label: 'ready' },

  // ---- a state, not an action ------------------------------------------------------------
  { text: 'Que Ana se sienta más segura en casa', label: 'stateNotAction' },
  { text: 'Ana tendrá una vida más estable', label: 'stateNotAction' },
  { text: 'Que la familia tenga más apoyo', label: 'stateNotAction' },
  { text: 'Que Juan sea más responsable con los estudios', label: 'stateNotAction' },
  { text: 'Ana estará más tranquila con sus hijos antes de marzo', label: 'stateNotAction' },
  { text: 'Que Pedro tenga una buena relación con su hija', label: 'stateNotAction' },
  { text: 'La familia vivirá en un entorno más seguro', label: 'stateNotAction' },
  { text: 'Luis será más autónomo en casa', label: 'stateNotAction' },
  { text: 'Que los niños tengan una rutina más ordenada', label: 'stateNotAction' },
  { text: 'Que Ana lleve una vida sin deudas', label: 'stateNotAction' },
  { text: 'Ana será capaz de hablar con su hijo', label: 'stateNotAction' },
  { text: 'Ana se sentirá menos sola', label: 'stateNotAction' },
  { text: 'Que Ana tenga más autonomía', label: 'stateNotAction' },

  // ---- a skill with nothing to show it ---------------------------------------------------
  { text: 'Ana aprenderá a gestionar sus emociones', label: 'skillWithoutEvidence' },
  { text: 'Juan aprenderá a organizarse con el dinero', label: 'skillWithoutEvidence' },
  { text: 'Ana desarrollará habilidades de crianza positiva', label: 'skillWithoutEvidence' },
  { text: 'Pedro adquirirá hábitos de higiene antes de febrero', label: 'skillWithoutEvidence' },
  { text: 'Que Rosa maneje su ansiedad', label: 'skillWithoutEvidence' },
  { text: 'Que Jorge controle su ira', label: 'skillWithoutEvidence' },

  // ---- a verb nobody can see -------------------------------------------------------------
  { text: 'Mejorar la relación con su hijo', label: 'vagueVerb' },
  { text: 'Ana mejorará su situación económica', label: 'vagueVerb' },
  { text: 'Que Luis se sienta mejor', label: 'vagueVerb' },
  { text: 'Que Marta esté bien con su pareja', label: 'vagueVerb' },
  { text: 'Trabajar la autoestima de Ana', label: 'vagueVerb' },
  { text: 'Fomentar la autonomía de la familia', label: 'vagueVerb' },
  { text: 'Ana intentará encontrar trabajo', label: 'vagueVerb' },
  { text: 'Ana tomará conciencia de sus gastos', label: 'vagueVerb' },
  { text: 'Favorecer la integración social del menor', label: 'vagueVerb' },

  // ---- someone else decides -------------------------------------------------------------
  { text: 'Que el juzgado le dé la custodia de sus hijos', label: 'thirdPartyOutcome' },
  { text: 'Ana conseguirá un piso de alquiler social', label: 'thirdPartyOutcome' },
  { text: 'Que le concedan el ingreso mínimo vital', label: 'thirdPartyOutcome' },
  { text: 'Obtener la plaza en el centro de día antes de marzo', label: 'thirdPartyOutcome' },
  { text: 'Que la empresa contrate a Ana', label: 'thirdPartyOutcome' },
  { text: 'Que el ayuntamiento le asigne una vivienda social', label: 'thirdPartyOutcome' },
  { text: 'Que le den la beca de comedor escolar', label: 'thirdPartyOutcome' },
  { text: 'Que el casero le renueve el contrato', label: 'thirdPartyOutcome' },
  { text: 'Que Ana tenga trabajo', label: 'thirdPartyOutcome' },
  { text: 'Conseguir empleo', label: 'thirdPartyOutcome' },
  { text: 'Que le aprueben la renta mínima', label: 'thirdPartyOutcome' },

  // ---- an activity with nothing to count -------------------------------------------------
  { text: 'buscar trabajo', label: 'noIndicator' },
  { text: 'Ana buscará vivienda de alquiler', label: 'noIndicator' },
  { text: 'Juan estudiará para los exámenes', label: 'noIndicator' },
  { text: 'Ana hará ejercicio', label: 'noIndicator' },
  { text: 'Ir al médico', label: 'noIndicator' },
  { text: 'Participar en actividades del barrio', label: 'noIndicator' },
  { text: 'Ana ahorrará dinero hasta el verano', label: 'noIndicator' },
  { text: 'Mantener la vivienda', label: 'noIndicator' },
  { text: 'Que el menor vaya al colegio', label: 'noIndicator' },
  { text: 'Juan irá al instituto', label: 'noIndicator' },

  // ---- something to count, but not how much ---------------------------------------------
  { text: 'Ana enviará currículos cada semana hasta el 31 de enero', label: 'noTarget' },
  { text: 'Ana aumentará el número de currículos enviados', label: 'noTarget' },
  { text: 'Reducir las deudas con el banco antes de junio', label: 'noTarget' },
  { text: 'Luis reducirá el consumo de alcohol', label: 'noTarget' },

  // ---- no date ----------------------------------------------------------------------------
  { text: 'Ana enviará 3 currículos por semana', label: 'noDeadline' },
  { text: 'Presentar la solicitud de vivienda protegida', label: 'noDeadline' },
  { text: 'Juan asistirá a clase 5 días por semana', label: 'noDeadline' },
  { text: 'Marta pagará 40 euros al mes de la deuda del alquiler', label: 'noDeadline' },
  { text: 'Renovar la tarjeta sanitaria', label: 'noDeadline' },

  // ---- a date already gone ---------------------------------------------------------------
  { text: 'Ana presentará la solicitud del IMV antes del 1 de octubre de 2026', label: 'pastDeadline' },
  { text: 'Renovar el DNI antes del 15 de noviembre de 2026', label: 'pastDeadline' },
];
