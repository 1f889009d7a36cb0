// The built-in checks, by the name a rule file gives in `check:`.
import type { BuiltinCheck, CorpusBuiltin } from './types.js';
import capitalAfterComma from './capital-after-comma.js';
import currencySpace from './currency-space.js';
import decimalComma from './decimal-comma.js';
import doubleSpace from './double-space.js';
import doubledPunctuation from './doubled-punctuation.js';
import foreignQuotes from './foreign-quotes.js';
import foreignScript from './foreign-script.js';
import gluedWords from './glued-words.js';
import lowercaseDates from './lowercase-dates.js';
import quoteOrientation from './quote-orientation.js';
import splicedTitleCase from './spliced-title-case.js';
import speechVerbWithoutSubject from './speech-verb-without-subject.js';
import strayFullStop from './stray-full-stop.js';
import thousandsInWords from './thousands-in-words.js';
import nameConsistency from './name-consistency.js';

// Each check declares its own option types; the registry only needs the common shape.
export const BUILTINS: Record<string, BuiltinCheck<never> | CorpusBuiltin<never>> = {
  'capital-after-comma': capitalAfterComma,
  'currency-space': currencySpace,
  'decimal-comma': decimalComma,
  'double-space': doubleSpace,
  'doubled-punctuation': doubledPunctuation,
  'foreign-quotes': foreignQuotes,
  'foreign-script': foreignScript,
  'glued-words': gluedWords,
  'lowercase-dates': lowercaseDates,
  'quote-orientation': quoteOrientation,
  'spliced-title-case': splicedTitleCase,
  'speech-verb-without-subject': speechVerbWithoutSubject,
  'stray-full-stop': strayFullStop,
  'thousands-in-words': thousandsInWords,
  'name-consistency': nameConsistency,
} as unknown as Record<string, BuiltinCheck<never> | CorpusBuiltin<never>>;
