export const es = {
  name: 'código de vinculación',
  help: 'Creo un código de un solo uso para que la persona usuaria vincule su chat con su caso. Caduca en 72 horas y se bloquea tras varios intentos fallidos. Dáselo solo a ella.',
  created:
    'Código para {name} (caso {caseId}): {code}\nCaduca el {expires}. Es de un solo uso: dáselo solo a la persona; que lo escriba en su chat con Enlace. No lo compartas con nadie más.',
} as const;

export const en: { [K in keyof typeof es]: string } = {
  name: 'link code',
  help: 'I create a one-time code so the client can link their chat to their case. It expires in 72 hours and locks after a few wrong attempts. Give it to the client only.',
  created:
    'Code for {name} (case {caseId}): {code}\nIt expires on {expires}. It works once: give it to the client only, to type in their chat with Enlace. Do not share it with anyone else.',
};
