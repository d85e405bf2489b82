// Check-in prompts to clients: plain, warm, short sentences (lectura fácil).
export const es = {
  checkInOne: 'Hola. ¿Cómo va tu tarea «{task}»?',
  checkInMany: 'Hola. ¿Cómo van tus tareas?',
  taskLine: '- {task}',
  howToAnswer: 'Contéstame aquí cuando quieras.',
  tapOrWrite: 'Toca una respuesta o escríbeme con tus palabras.',
} as const;

export const en: { [K in keyof typeof es]: string } = {
  checkInOne: 'Hi. How is your task "{task}" going?',
  checkInMany: 'Hi. How are your tasks going?',
  taskLine: '- {task}',
  howToAnswer: 'Answer me here when you like.',
  tapOrWrite: 'Tap an answer or write to me in your own words.',
};
