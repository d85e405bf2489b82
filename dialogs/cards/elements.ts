// Adaptive Card 1.5 parts, as plain objects: what Teams, Web Chat and the Agents Playground render.
// Every action carries `enlace` data (cards/submit.ts reads it), so a pressed button and a
// typed answer reach the same step.

/** What a card's action asks of the bot. */
export interface CardAction {
  /** The question this card answers; an answer to another question is refused as an old card. */
  token?: string;
  /** The answer a button gives, as if typed. */
  answer?: string;
  /** The input holding the answer (a form's first field); `answer` when absent. */
  field?: string;
  /** A command, as if typed («mis casos»): always welcome, never old. */
  command?: string;
  /**
   * More answers the action gives with the inputs (a form's «guardar» answers the final «¿guardo?»);
   * an input of the same name, when filled, answers instead (so `''` here makes an empty box a blank answer).
   */
  also?: Record<string, string>;
  /**
   * Names a form that starts its own command (a contact form on the case card): it is taken
   * once, so a second press cannot save the same thing twice.
   */
  once?: string;
}

export type CardElement = { type: string } & Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  /** Said by channels that show no cards, and read aloud by screen readers. */
  fallbackText?: string;
  msteams?: { width: 'Full' };
}

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

export function card(body: CardElement[], actions: CardElement[] = [], fallbackText?: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 && { actions }),
    ...(fallbackText && { fallbackText }),
    msteams: { width: 'Full' },
  };
}

export function attachment(content: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_TYPE, content };
}

export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function heading(text: string): CardElement {
  return textBlock(text, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}

/** A label and its value per line. */
export function facts(rows: [title: string, value: string][]): CardElement {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

export function textInput(
  id: string,
  label: string,
  options: { value?: string; placeholder?: string; multiline?: boolean; maxLength?: number; required?: boolean } = {},
): CardElement {
  const { multiline, required, ...rest } = options;
  return { type: 'Input.Text', id, label, ...(multiline && { isMultiline: true }), ...(required && { isRequired: true, errorMessage: label }), ...rest };
}

export function numberInput(id: string, label: string, min: number, max: number, value?: number): CardElement {
  return { type: 'Input.Number', id, label, min, max, ...(value !== undefined && { value }) };
}

/** A calendar: its value is `YYYY-MM-DD`, which the date reader takes as it is. */
export function dateInput(id: string, label: string, options: { value?: string; min?: string; max?: string; required?: boolean } = {}): CardElement {
  const { required, ...rest } = options;
  return { type: 'Input.Date', id, label, ...(required && { isRequired: true, errorMessage: label }), ...rest };
}

export function timeInput(id: string, label: string, value?: string): CardElement {
  return { type: 'Input.Time', id, label, ...(value && { value }) };
}

export interface CardChoice {
  title: string;
  value: string;
}

export function choiceSet(
  id: string,
  label: string,
  choices: CardChoice[],
  options: { value?: string; expanded?: boolean; multiSelect?: boolean; required?: boolean } = {},
): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    choices,
    style: options.expanded ? 'expanded' : 'compact',
    ...(options.value !== undefined && { value: options.value }),
    ...(options.multiSelect && { isMultiSelect: true }),
    ...(options.required && { isRequired: true, errorMessage: label }),
  };
}

export function submit(title: string, data: CardAction, style?: 'positive' | 'destructive'): CardElement {
  return { type: 'Action.Submit', title, data: { enlace: data }, ...(style && { style }) };
}

/** A Universal Action: the bot answers with the card that replaces this one, for everyone who sees it. */
export function execute(title: string, verb: string, data: CardAction, style?: 'positive' | 'destructive'): CardElement {
  return { type: 'Action.Execute', title, verb, data: { enlace: data }, ...(style && { style }) };
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

export function image(url: string, altText: string): CardElement {
  return { type: 'Image', url, altText, size: 'Stretch' };
}

export function container(items: CardElement[], options: Record<string, unknown> = {}): CardElement {
  return { type: 'Container', items, ...options };
}

/** A button that opens `body` in place, below the card: a form filled without a round trip. */
export function showCard(title: string, body: CardElement[], actions: CardElement[]): CardElement {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions } };
}
