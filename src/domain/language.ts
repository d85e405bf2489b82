// Which language a message is in, for people we know nothing about yet: a few common words
// decide, then the channel's locale, then Spanish.
import type { Language } from './schemas.js';

const SPANISH =
  /\b(hola|buenas|buenos|dias|días|tardes|gracias|quiero|necesito|ayuda|que|qué|como|cómo|por favor|soy|tengo|el|la|los|las|es|un|una|y|de)\b|[ñ¿¡áéíóú]/i;
const ENGLISH = /\b(hello|hi|hey|good|morning|thanks|thank|want|need|help|what|how|please|i|am|have|the|is|a|an|and|of|to)\b/i;

export function guessLanguage(text: string, locale?: string): Language {
  const spanish = SPANISH.test(text);
  const english = ENGLISH.test(text);
  if (spanish && !english) return 'es';
  if (english && !spanish) return 'en';
  return localeLanguage(locale) ?? 'es';
}

export function localeLanguage(locale: string | undefined): Language | undefined {
  const prefix = locale?.slice(0, 2).toLowerCase();
  return prefix === 'es' || prefix === 'en' ? prefix : undefined;
}
