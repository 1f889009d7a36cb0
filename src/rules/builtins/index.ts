// The built-in checks, by the name a rule file gives in `check:`.
import type { BuiltinCheck, CorpusBuiltin } from './types.js';
import capitalAfterComma from './capital-after-comma.js';
import currencySpace from './currency-space.js';
import doubleSpace from './double-space.js';
import doubledPunctuation from './doubled-punctuation.js';
import gluedWords from './glued-words.js';
import lowercaseDates from './lowercase-dates.js';
import quoteOrientation from './quote-orientation.js';
import splicedTitleCase from './spliced-title-case.js';
import speechVerbWithoutSubject from './speech-verb-without-subject.js';
import strayFullStop from './stray-full-stop.js';
import nameConsistency from './name-consistency.js';

// Each check declares its own option types; the registry only needs the common shape.
export const BUILTINS: Record<string, BuiltinCheck<never> | CorpusBuiltin<never>> = {
  'capital-after-comma': capitalAfterComma,
  'currency-space': currencySpace,
  'double-space': doubleSpace,
  'doubled-punctuation': doubledPunctuation,
  'glued-words': gluedWords,
  'lowercase-dates': lowercaseDates,
  'quote-orientation': quoteOrientation,
  'spliced-title-case': splicedTitleCase,
  'speech-verb-without-subject': speechVerbWithoutSubject,
  'stray-full-stop': strayFullStop,
  'name-consistency': nameConsistency,
} as unknown as Record<string, BuiltinCheck<never> | CorpusBuiltin<never>>;
