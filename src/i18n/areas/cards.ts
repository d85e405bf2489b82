// What every card says around its questions.
export const es = {
  send: 'Enviar',
  save: 'Guardar',
  yourAnswer: 'Tu respuesta',
  old: 'Esa tarjeta ya se respondió o es de un paso anterior: no he cambiado nada.',
};

export const en: typeof es = {
  send: 'Send',
  save: 'Save',
  yourAnswer: 'Your answer',
  old: 'That card was already answered or belongs to an earlier step: nothing was changed.',
};
