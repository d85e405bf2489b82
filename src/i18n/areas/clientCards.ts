// What a client's cards say around their questions: short and plain.
export const es = {
  send: 'Enviar',
  yourAnswer: 'Tu respuesta',
  old: 'Esa pregunta ya está respondida. No he cambiado nada.',
};

export const en: typeof es = {
  send: 'Send',
  yourAnswer: 'Your answer',
  old: 'That question is already answered. Nothing was changed.',
};
