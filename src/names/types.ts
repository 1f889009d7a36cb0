// The data of the names stage. Everything here is JSON-serialisable: the map step's output can be written
// to a file or sent between machines, and the reduce step's state saved and reused.
import type { Category, Severity } from '../engine/types.js';
import type { KeyTables } from './keys.js';
import type { LocatedSpan } from '../engine/corpus.js';

export type EntityType = 'person' | 'place' | 'organisation';

/** Options of the name-consistency rule (rules/names/name-consistency.yaml): the tables and guards. */
export interface NameOptions extends KeyTables {
  /** Capitalised words that are never part of a name and split a run of proper nouns (titles, weekdays). */
  stopWords: string[];
  /** Titles among the stop words: a name after one is a person's. */
  titles: string[];
  /** Lower-case words allowed inside a name (von der Leyen, bin Salman). */
  particles: string[];
  /** Generic words inside names (National, Police, Square): they match only themselves. */
  commonWords: string[];
  /** Masculine and feminine endings of one surname or given name: such pairs are different people. */
  genderEndings: [string, string][];
  /** A name plus one of these endings is another name (Niger/Nigeria, Kazakh/Kazakhs). */
  distinctEndings: string[];
  /** Sets of similar names that are different places or people (Kazakhstan, Kyrgyzstan, Tajikistan). */
  distinct: string[][];
  /** Name parts whose spelling key is this short or shorter only match when they fold to the same letters. */
  shortKey: number;
  /** Name parts whose keys differ are compared by sound and similarity only from this length on. */
  fuzzyMinLength: number;
  /** Lowest Jaro-Winkler similarity of two spelling keys with the same phonetic key. */
  similarity: number;
}

/** One place a name form occurs in a document: enough to build a finding without the text. */
export interface Occurrence extends LocatedSpan {
  /** The first word of a sentence, whose capital says nothing about how the name is written (Von der Leyen). */
  sentenceStart?: true;
}

/** The map step's output for one document. */
export interface DocumentNames {
  /** Each name form (whitespace collapsed) with its occurrences, in order of first occurrence. */
  forms: Record<string, Occurrence[]>;
  /** Spans a `name` rule already reports in this document: the corpus check stays silent there. */
  reported: [number, number][];
}

/** How a group's canonical form was chosen. */
export type CanonicalSource = 'rule' | 'trusted' | 'frequency' | 'tie';

export interface GroupForm {
  form: string;
  /** canonical: the form to use; accepted: another form a rule allows (an alias); variant: to be replaced. */
  status: 'canonical' | 'accepted' | 'variant';
  /** What a variant is replaced with: the canonical, or the registry form of the same shape (a surname alias). */
  fix?: string;
  mentions: number;
  documents: string[];
  /** The documents among them marked trusted in the configuration. */
  trusted?: string[];
  /** Longer names in which this variant is the only name word (Kizilzhar Police Department): fixed there too. */
  within?: string[];
}

export interface NameGroup {
  canonical: string;
  source: CanonicalSource;
  /** The `name` rule that gave the canonical (source rule). */
  rule?: string;
  type?: EntityType;
  /** Set when the canonical is the last word of a full name's canonical (a surname used alone). */
  shortFormOf?: string;
  severity?: Severity;
  category?: Category;
  /** Canonical first, then accepted forms, then variants by how often they occur. */
  forms: GroupForm[];
}

/** The reduce step's output: every group with more than one form, and the number of documents. */
export interface NameState {
  documents: number;
  groups: NameGroup[];
}
