// Builds a copy of the seed corpus whose people and places are replaced by invented names that no rule
// knows: each name is spelled the canonical way in two documents and another way in every other document.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Renaming {
  /** Every way the seed corpus writes the name (longest first is not needed: whole forms are listed). */
  original: string[];
  canonical: string;
  /** Spellings for the documents after the first two that use the name, in document order. */
  variants: string[];
}

/** Full names and their surnames are renamed together, so a document's spelling is the same in both. */
export const PEOPLE_AND_PLACES: { full: Renaming; short?: Renaming }[] = [
  {
    full: {
      original: ['Kassim-Jomart Tokayev', 'Qassim-Jomart Tokayev', 'Kassym Jomart Tokayev', 'Kassym-Jomart Tokayev'],
      canonical: 'Dzhaksybek Khudaiberdiyev',
      variants: ['Zhaksybek Khudaiberdiev', 'Jaksybek Hudayberdiyev', 'Dzhaqsybek Khudaiberdiyev'],
    },
    short: { original: ['Tokayev'], canonical: 'Khudaiberdiyev', variants: ['Khudaiberdiev', 'Hudayberdiyev', 'Khudaiberdiyev'] },
  },
  {
    full: { original: ['Nikol Pashinyan', 'Nicole Pashinyan'], canonical: 'Vardges Mkrtchyan', variants: ['Vardges Mkrtchian'] },
    short: { original: ['Pashinyan'], canonical: 'Mkrtchyan', variants: ['Mkrtchian'] },
  },
  { full: { original: ['Almaty'], canonical: 'Kyzylzhar', variants: ['Qyzylzhar', 'Kyzyljar', 'Kizilzhar'] } },
  { full: { original: ['Nur-Sultan', 'Nur Sultan'], canonical: 'Ust-Talgar', variants: ['Ust Talgar'] } },
  // One document spells it two ways (Mangystau, Mangistau): the variant there, the canonical elsewhere.
  { full: { original: ['Mangystau'], canonical: 'Zhylgystau', variants: [] } },
  { full: { original: ['Mangistau'], canonical: 'Jilgistau', variants: [] } },
  // Names of one document, or spelled one way, stay consistent.
  { full: { original: ['Nursultán Nazarbayev'], canonical: 'Temirlan Sadvakasov', variants: [] } },
  { full: { original: ['Saltanet Azilbek', 'Saltanat Azirbek'], canonical: 'Gulnara Zhaksylykova', variants: [] }, short: { original: ['Azirbek'], canonical: 'Zhaksylykova', variants: [] } },
  { full: { original: ['Janaozen'], canonical: 'Kulsary', variants: [] } },
];

/** The variant spellings expected in the renamed corpus: variant form -> canonical form. */
export const EXPECTED_FIXES: Record<string, string> = {
  'Zhaksybek Khudaiberdiev': 'Dzhaksybek Khudaiberdiyev',
  'Jaksybek Hudayberdiyev': 'Dzhaksybek Khudaiberdiyev',
  'Dzhaqsybek Khudaiberdiyev': 'Dzhaksybek Khudaiberdiyev',
  Khudaiberdiev: 'Khudaiberdiyev',
  Hudayberdiyev: 'Khudaiberdiyev',
  'Vardges Mkrtchian': 'Vardges Mkrtchyan',
  Qyzylzhar: 'Kyzylzhar',
  Kyzyljar: 'Kyzylzhar',
  Kizilzhar: 'Kyzylzhar',
  'Ust Talgar': 'Ust-Talgar',
  Jilgistau: 'Zhylgystau',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes the renamed copy of `corpus` (a folder of .txt files) into `target`; returns the file names. */
export function writeRenamedCorpus(corpus: string, target: string): string[] {
  mkdirSync(target, { recursive: true });
  const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  const texts = files.map((f) => readFileSync(join(corpus, f), 'utf8'));
  // Which spelling each document gets, per name: canonical in the first two documents using it.
  const spelling = (renaming: Renaming, users: number[], doc: number) => {
    const rank = users.indexOf(doc);
    return rank < 2 ? renaming.canonical : renaming.variants[rank - 2] ?? renaming.canonical;
  };
  const renamed = texts.map((text, doc) => {
    let out = text;
    for (const { full, short } of PEOPLE_AND_PLACES) {
      const users = texts.map((t, i) => (full.original.some((o) => t.includes(o)) ? i : -1)).filter((i) => i >= 0);
      const fullForm = spelling(full, users, doc);
      out = out.replace(new RegExp(full.original.map(escape).join('|'), 'g'), fullForm);
      if (short) {
        const shortForm = fullForm === full.canonical ? short.canonical : spelling(short, users, doc);
        out = out.replace(new RegExp(`(?<![\\p{L}-])(?:${short.original.map(escape).join('|')})(?![\\p{L}])`, 'gu'), shortForm);
      }
    }
    return out;
  });
  files.forEach((f, i) => writeFileSync(join(target, f), renamed[i]!));
  return files;
}
