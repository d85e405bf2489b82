// The demo's service directory: the kind of resources a Spanish social services team
// refers to. Providers are real kinds of bodies; phone numbers (900 000 0xx) are fictional.
// Categories are stable English slugs; the dialogs show them in the user's language.
import type { Service } from '../domain/schemas.js';

export const DEMO_SERVICES: Service[] = [
  {
    id: 'SV-IMV', name: 'Ingreso Mínimo Vital', category: 'income',
    provider: 'Instituto Nacional de la Seguridad Social (INSS)', contact: '900 000 001 · sede electrónica de la Seguridad Social',
    cost: 0, eligibility: 'Personas de 23 a 65 años (o menores con hijos a cargo) en situación de vulnerabilidad económica, con residencia legal en España de al menos un año.',
    capacity: null, active: true,
  },
  {
    id: 'SV-CARITA', name: 'Cáritas: servicio de acogida y ayudas puntuales', category: 'income',
    provider: 'Cáritas Diocesana', contact: '900 000 002',
    cost: 0, eligibility: 'Cualquier persona o familia en situación de necesidad, con cita previa en la parroquia o centro de acogida de su zona.',
    capacity: null, active: true,
  },
  {
    id: 'SV-BANALI', name: 'Banco de Alimentos', category: 'food',
    provider: 'Federación Española de Bancos de Alimentos (entidad local)', contact: '900 000 003',
    cost: 0, eligibility: 'Familias derivadas por los servicios sociales con informe de necesidad; entrega mensual de lote de alimentos.',
    capacity: 40, active: true,
  },
  {
    id: 'SV-COMEDO', name: 'Comedor social', category: 'food',
    provider: 'Ayuntamiento (gestión por entidad social)', contact: '900 000 004',
    cost: 0, eligibility: 'Personas sin recursos para cubrir la alimentación diaria, empadronadas en el municipio o en situación de calle.',
    capacity: 60, active: true,
  },
  {
    id: 'SV-DIAMAY', name: 'Centro de Día para personas mayores', category: 'dayCare',
    provider: 'Consejería de Servicios Sociales (plaza concertada)', contact: '900 000 005',
    cost: 180, eligibility: 'Personas mayores de 65 años con dependencia reconocida (grado I o II) que viven en su domicilio; copago según renta.',
    capacity: 25, active: true,
  },
  {
    id: 'SV-VIVIEN', name: 'Oficina de Vivienda: alquiler social y ayudas al alquiler', category: 'housing',
    provider: 'Empresa Municipal de la Vivienda', contact: '900 000 006',
    cost: 0, eligibility: 'Inscripción en el registro de demandantes de vivienda protegida; ingresos por debajo de 2,5 veces el IPREM; empadronamiento de al menos dos años.',
    capacity: null, active: true,
  },
  {
    id: 'SV-SEPE', name: 'Servicio de orientación laboral', category: 'employment',
    provider: 'Servicio Público de Empleo (SEPE y agencia de colocación autonómica)', contact: '900 000 007',
    cost: 0, eligibility: 'Personas inscritas como demandantes de empleo; itinerario personalizado con cita previa.',
    capacity: null, active: true,
  },
  {
    id: 'SV-CREMPL', name: 'Cruz Roja: plan de empleo', category: 'employment',
    provider: 'Cruz Roja Española', contact: '900 000 008',
    cost: 0, eligibility: 'Personas desempleadas en riesgo de exclusión (larga duración, mayores de 45, mujeres víctimas de violencia, personas migrantes).',
    capacity: 30, active: true,
  },
  {
    id: 'SV-CSM', name: 'Centro de Salud Mental comunitario', category: 'mentalHealth',
    provider: 'Servicio de Salud autonómico', contact: '900 000 009',
    cost: 0, eligibility: 'Derivación desde atención primaria (médico/a de familia); atención psiquiátrica y psicológica ambulatoria.',
    capacity: null, active: true,
  },
  {
    id: 'SV-INFFAM', name: 'Servicio de atención a la infancia y la familia', category: 'childFamily',
    provider: 'Servicios Sociales municipales', contact: '900 000 010',
    cost: 0, eligibility: 'Familias con menores en situación de riesgo o con dificultades de convivencia; derivación desde servicios sociales, colegio o centro de salud.',
    capacity: 15, active: true,
  },
  {
    id: 'SV-CAD', name: 'Centro de Atención a las Adicciones (CAD)', category: 'addiction',
    provider: 'Instituto de Adicciones (Ayuntamiento)', contact: '900 000 011',
    cost: 0, eligibility: 'Personas con consumo problemático de alcohol, otras drogas o juego, y sus familias; acceso directo o derivado.',
    capacity: null, active: true,
  },
  {
    id: 'SV-JURID', name: 'Asesoría jurídica gratuita (turno de oficio)', category: 'legal',
    provider: 'Colegio de la Abogacía: Servicio de Orientación Jurídica', contact: '900 000 012',
    cost: 0, eligibility: 'Reconocimiento del derecho a asistencia jurídica gratuita: ingresos de la unidad familiar por debajo de 2 veces el IPREM (o 2,5–3 según miembros).',
    capacity: null, active: true,
  },
  {
    id: 'SV-TELEAS', name: 'Teleasistencia domiciliaria', category: 'homeCare',
    provider: 'Ayuntamiento (empresa adjudicataria)', contact: '900 000 013',
    cost: 15, eligibility: 'Personas mayores o con discapacidad que viven solas o pasan gran parte del día solas; cuota mensual según renta.',
    capacity: null, active: true,
  },
  {
    id: 'SV-SAD', name: 'Servicio de Ayuda a Domicilio (SAD)', category: 'homeCare',
    provider: 'Servicios Sociales municipales', contact: '900 000 014',
    cost: 90, eligibility: 'Personas con dependencia reconocida o limitaciones para las actividades básicas de la vida diaria; copago mensual según renta.',
    capacity: 20, active: true,
  },
];
