// The assessment as two form cards: the strengths, the client's view and the contexts on one;
// the life domains (in groups, each level picked from a list), safety and the notes on the
// other. Each input is named by the field its question asks (assessmentSteps.ts), so a blank
// or unclear answer is asked afterwards, as typed.
import type { LifeDomain, Language } from '../../src/domain/schemas.js';
import { domainLabel } from '../../src/domain/smart.js';
import { t, type MessageKey } from '../../src/i18n/catalog.js';
import { type AdaptiveCard, type CardChoice, type CardElement, card, choiceSet, container, heading, submit, textBlock, textInput } from './elements.js';

/** What each answer is called on the cards: a run of questions names its answers `${run}.${field}`. */
export const ASSESSMENT_FIELDS = {
  level: (domain: LifeDomain) => `level.${domain}`,
  safety: 'safety',
} as const;

export type QuestionRun = 'strengths' | 'view' | 'notes';

export const runField = (run: QuestionRun, field: string) => `${run}.${field}`;

/** The domains in the groups the card shows them in: five each, the card stays short to read. */
export const DOMAIN_GROUPS: [name: 'basics' | 'health' | 'daily', domains: LifeDomain[]][] = [
  ['basics', ['income', 'employment', 'housing', 'food', 'mobility']],
  ['health', ['health', 'mentalHealth', 'substanceUse', 'safety', 'legal']],
  ['daily', ['education', 'familyRelations', 'socialSupport', 'dailyLiving', 'childcare']],
];

/** The answer «n/a» gives on the card: a word the domain reader takes as not applicable. */
const NOT_APPLICABLE = 'n/a';

/** The levels to pick from, named as the catalog names them («2 · vulnerable»). */
export function levelChoices(lang: Language): CardChoice[] {
  return [
    ...[1, 2, 3, 4, 5].map((level) => ({ title: t(lang, `assessment.levelLabel_${level}` as MessageKey), value: String(level) })),
    { title: t(lang, 'assessment.levelLabel_na'), value: NOT_APPLICABLE },
  ];
}

const MAX_TEXT = 2000;

/** The boxes a form may leave empty: a card sends nothing for them, and nothing is what they answer. */
const PROFILE_FIELDS = [
  ...['personal', 'family', 'community'].map((f) => runField('strengths', f)),
  ...['clientView', 'aspirations', 'economic', 'social', 'family', 'institutional'].map((f) => runField('view', f)),
];
const NOTE_FIELDS = ['micro', 'meso', 'macro'].map((f) => runField('notes', f));

const blanks = (fields: string[]): Record<string, string> => Object.fromEntries(fields.map((f) => [f, '']));

function box(lang: Language, id: string, label: MessageKey): CardElement {
  return textInput(id, t(lang, label), { multiline: true, maxLength: MAX_TEXT });
}

/** Strengths, the client's view and aspirations, and the four contexts. «Siguiente» answers the first question. */
export function profileCard(lang: Language, token: string): AdaptiveCard {
  const title = t(lang, 'assessment.profileCardTitle');
  const strengths = (field: string, label: MessageKey) => box(lang, runField('strengths', field), label);
  const view = (field: string, label: MessageKey) => box(lang, runField('view', field), label);
  return card(
    [
      heading(title),
      textBlock(t(lang, 'assessment.profileCardIntro'), { isSubtle: true }),
      container(
        [
          textBlock(t(lang, 'assessment.strengthsHeader'), { weight: 'Bolder' }),
          strengths('personal', 'assessment.fieldStrengthPersonal'),
          strengths('family', 'assessment.fieldStrengthFamily'),
          strengths('community', 'assessment.fieldStrengthCommunity'),
        ],
        { separator: true },
      ),
      container(
        [
          textBlock(t(lang, 'assessment.viewHeader'), { weight: 'Bolder' }),
          view('clientView', 'assessment.fieldClientView'),
          view('aspirations', 'assessment.fieldAspirations'),
        ],
        { separator: true },
      ),
      container(
        [
          textBlock(t(lang, 'assessment.contextHeader'), { weight: 'Bolder' }),
          view('economic', 'assessment.fieldContextEconomic'),
          view('social', 'assessment.fieldContextSocial'),
          view('family', 'assessment.fieldContextFamily'),
          view('institutional', 'assessment.fieldContextInstitutional'),
        ],
        { separator: true },
      ),
    ],
    [submit(t(lang, 'assessment.cardNext'), { token, field: runField('strengths', 'personal'), also: blanks(PROFILE_FIELDS) }, 'positive')],
    title,
  );
}

export interface DomainsCardOptions {
  /** The domains still without a level, in the order the dialog asks them. */
  unrated: LifeDomain[];
  /** The first card of a sitting also asks for safety and the notes, so the rest takes one press. */
  withRest: boolean;
}

/** The life domains without a level, in their groups, each with its levels to pick; then safety and the notes. */
export function domainsCard(lang: Language, token: string, { unrated, withRest }: DomainsCardOptions): AdaptiveCard {
  const title = t(lang, 'assessment.domainsCardTitle');
  const choices = levelChoices(lang);
  const groups = DOMAIN_GROUPS.map(([name, domains]) => [name, domains.filter((d) => unrated.includes(d))] as const)
    .filter(([, domains]) => domains.length > 0)
    .map(([name, domains]) =>
      container(
        [
          textBlock(t(lang, `assessment.domainGroup_${name}`), { weight: 'Bolder' }),
          ...domains.map((domain) => choiceSet(ASSESSMENT_FIELDS.level(domain), domainLabel(domain, lang), choices)),
        ],
        { separator: true },
      ),
    );
  const yesNo: CardChoice[] = [
    { title: t(lang, 'common.yes'), value: t(lang, 'common.yes') },
    { title: t(lang, 'common.no'), value: t(lang, 'common.no') },
  ];
  const rest = withRest
    ? [
        container(
          [
            choiceSet(ASSESSMENT_FIELDS.safety, t(lang, 'assessment.fieldSafety'), yesNo, { expanded: true }),
            textBlock(t(lang, 'assessment.notesHeader'), { weight: 'Bolder' }),
            box(lang, runField('notes', 'micro'), 'assessment.fieldNoteMicro'),
            box(lang, runField('notes', 'meso'), 'assessment.fieldNoteMeso'),
            box(lang, runField('notes', 'macro'), 'assessment.fieldNoteMacro'),
          ],
          { separator: true },
        ),
      ]
    : [];
  const first = unrated[0];
  return card(
    [heading(title), textBlock(t(lang, 'assessment.domainsCardIntro'), { isSubtle: true }), ...groups, ...rest],
    first
      ? [
          submit(
            t(lang, withRest ? 'assessment.cardSeeResult' : 'assessment.cardNext'),
            { token, field: ASSESSMENT_FIELDS.level(first), ...(withRest && { also: blanks(NOTE_FIELDS) }) },
            'positive',
          ),
        ]
      : [],
    title,
  );
}
