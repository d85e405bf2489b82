// The readability scores live in the domain; tests import them from here as before.
export { englishSyllables, fernandezHuerta, fleschReadingEase, spanishSyllables } from '../../src/domain/readability.js';
