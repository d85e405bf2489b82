// The client withdraws consent to messages in chat: plain, warm, short sentences (lectura fácil).
// `withdrawWords` are phrases that count anywhere in a message.
export const es = {
  withdrawWords:
    'no quiero mas mensajes|no quiero recibir mensajes|no me escribas mas|no me escribas|deja de escribirme|no mas mensajes|no me mandes mensajes|stop messages|no more messages|stop writing to me|do not write to me|dont write to me',
  withdrawn: 'Vale. Ya no te enviaré mensajes. Tú puedes escribirme cuando quieras. Si cambias de idea, díselo a tu profesional.',
  alreadyWithdrawn: 'Ya no te envío mensajes. Si cambias de idea, díselo a tu profesional.',
} as const;

export const en: { [K in keyof typeof es]: string } = {
  withdrawWords:
    'stop messages|no more messages|stop writing to me|do not write to me|dont write to me|no quiero mas mensajes|no me escribas mas|no me escribas|deja de escribirme',
  withdrawn: 'OK. I will not send you messages now. You can write to me when you like. If you change your mind, tell your worker.',
  alreadyWithdrawn: 'I do not send you messages now. If you change your mind, tell your worker.',
};
