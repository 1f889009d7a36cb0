// The reduce step: name forms of the whole corpus grouped into names, each with its canonical form.
//  1. A form the registry lists belongs to its entry; another form joins the entry it matches best (one
//     entry only: a form matching two entries equally is left to the corpus).
//  2. The other forms are grouped with each other, strongest matches first; two groups join only when every
//     form of one matches every form of the other, so a chain of near misses cannot join different names.
//  3. Canonical: the rule's; else the form of the trusted documents; else the form of the most documents
//     (then mentions); a dead heat is reported as a tie.
//  4. A surname used alone takes the last word of the full name's canonical (Tokayev for Kassym-Jomart Tokayev).
import { MATCH, NameComparer, type FormInfo } from './compare.js';
import type { Entity, Registry } from './registry.js';
import type { CanonicalSource, EntityType, GroupForm, NameGroup, NameOptions, NameState } from './types.js';

/** What the corpus says about one form. */
export interface FormStats {
  form: string;
  mentions: number;
  /** Indexes of the documents using it, in input order. */
  documents: number[];
  trustedDocuments: number;
  /** Words just before its occurrences, lower-cased (for guessing the kind of name). */
  before: string[];
}

/** Fuzzy candidates are only compared within blocks up to this size (a common sound key stays cheap). */
const MAX_BLOCK = 200;

interface Binding {
  entity: Entity;
  /** The registry form the corpus form matched (itself when listed). */
  matched: string;
  strength: number;
}

export class NameGrouper {
  readonly comparer: NameComparer;
  /** Registry forms by blocking key; built on first use, since workers only find mentions and never group. */
  private index?: Map<string, { info: FormInfo; entity: Entity }[]>;
  private readonly titles: Set<string>;

  constructor(
    private readonly registry: Registry,
    private readonly options: NameOptions,
  ) {
    this.comparer = new NameComparer(options);
    this.titles = new Set(options.titles.map((t) => t.toLowerCase()));
  }

  private get registryIndex(): Map<string, { info: FormInfo; entity: Entity }[]> {
    if (this.index) return this.index;
    this.index = new Map();
    // A form the registry does not list joins an entry by resembling a form the entry accepts, never by
    // resembling one of its listed variants (Armenian is not a variant of Armenia for looking like Armenien).
    for (const [form, entities] of this.registry.byForm) {
      if (entities.length !== 1 || !entities[0]!.accepted.includes(form)) continue;
      const info = this.comparer.describe(form);
      for (const key of blockKeys(info)) push(this.index, key, { info, entity: entities[0]! });
    }
    return this.index;
  }

  /** Groups the corpus's forms; `paths` names the documents (by index) in the state. */
  group(stats: FormStats[], paths: readonly string[], trusted: ReadonlySet<number> = new Set()): NameState {
    const infos = stats.map((s) => this.comparer.describe(s.form));
    const bindings: (Binding | null | 'ambiguous')[] = stats.map((s, i) => this.bind(s.form, infos[i]!));

    // Entity groups, keyed by entity id.
    const byEntity = new Map<number, number[]>();
    bindings.forEach((b, i) => {
      if (b && b !== 'ambiguous') push(byEntity, b.entity.id, i);
    });
    const free = stats.map((_, i) => i).filter((i) => bindings[i] === null);
    const clusters = this.cluster(free, infos);

    const groups: NameGroup[] = [];
    const describeForms = (members: number[], canonical: string, fixFor: (i: number) => string | undefined, accepted: (i: number) => boolean) =>
      members
        .map((i): GroupForm => {
          const s = stats[i]!;
          const status = s.form === canonical ? 'canonical' : accepted(i) ? 'accepted' : 'variant';
          const inTrusted = s.documents.filter((d) => trusted.has(d)).map((d) => paths[d]!);
          return {
            form: s.form,
            status,
            ...(status === 'variant' ? { fix: fixFor(i) } : {}),
            mentions: s.mentions,
            documents: s.documents.map((d) => paths[d]!),
            ...(inTrusted.length ? { trusted: inTrusted } : {}),
          };
        })
        .sort(formOrder);

    for (const [entityId, members] of byEntity) {
      const entity = this.registry.entities[entityId]!;
      const forms = describeForms(
        members,
        entity.canonical,
        (i) => {
          const b = bindings[i] as Binding;
          return entity.accepted.includes(b.matched) ? b.matched : entity.canonical;
        },
        (i) => entity.accepted.includes(stats[i]!.form),
      );
      groups.push({ canonical: entity.canonical, source: 'rule', rule: entity.ruleId, type: entity.type, severity: entity.severity, category: entity.category, forms });
    }

    const clusterGroups: { group: NameGroup; members: number[] }[] = [];
    for (const members of clusters) {
      const { form: canonical, source } = chooseCanonical(members.map((i) => stats[i]!));
      const forms = describeForms(members, canonical, () => canonical, () => false);
      const group: NameGroup = { canonical, source, forms };
      const type = this.guessType(members.map((i) => stats[i]!));
      if (type) group.type = type;
      clusterGroups.push({ group, members });
    }
    this.linkSurnames(clusterGroups, groups, infos);
    for (const { group } of clusterGroups) groups.push(group);
    this.findEmbedded(groups, stats, bindings);

    const shown = groups.filter((g) => g.forms.length > 1 || g.forms.some((f) => f.status === 'variant'));
    const spread = new Map(shown.map((g) => [g, new Set(g.forms.flatMap((f) => f.documents)).size]));
    // Names in the most documents first.
    shown.sort((a, b) => spread.get(b)! - spread.get(a)! || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0));
    return { documents: paths.length, groups: shown };
  }

  /** The registry entry a form belongs to: null when none, 'ambiguous' when the registry lists it twice. */
  private bind(form: string, info: FormInfo): Binding | null | 'ambiguous' {
    const listed = this.registry.byForm.get(form);
    if (listed) return listed.length === 1 ? { entity: listed[0]!, matched: form, strength: MATCH.folded + 1 } : 'ambiguous';
    let best = null as Binding | null;
    let tied = false;
    for (const key of blockKeys(info)) {
      for (const candidate of this.registryIndex.get(key) ?? []) {
        const strength = this.comparer.compare(info, candidate.info);
        if (strength === 0 || (best && strength < best.strength)) continue;
        if (best && strength === best.strength) {
          if (best.entity !== candidate.entity) tied = true;
          continue;
        }
        best = { entity: candidate.entity, matched: candidate.info.form, strength };
        tied = false;
      }
    }
    return best && !tied ? best : null;
  }

  /** Clusters of forms (indexes) that are one name, strongest matches first, complete linkage. */
  private cluster(members: number[], infos: FormInfo[]): number[][] {
    const blocks = new Map<string, number[]>();
    for (const i of members) for (const key of blockKeys(infos[i]!)) push(blocks, key, i);
    const pairs: [number, number, number][] = [];
    const seen = new Set<string>();
    for (const [key, block] of blocks) {
      if (block.length < 2 || (block.length > MAX_BLOCK && key.startsWith('p:'))) continue;
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++) {
          const a = block[x]!;
          const b = block[y]!;
          const id = a < b ? `${a},${b}` : `${b},${a}`;
          if (seen.has(id)) continue;
          seen.add(id);
          const strength = this.comparer.compare(infos[a]!, infos[b]!);
          if (strength > 0) pairs.push([a, b, strength]);
        }
      }
    }
    pairs.sort((p, q) => q[2] - p[2] || p[0] - q[0] || p[1] - q[1]);
    const clusterOf = new Map<number, number[]>(members.map((i) => [i, [i]]));
    for (const [a, b] of pairs) {
      const ca = clusterOf.get(a)!;
      const cb = clusterOf.get(b)!;
      if (ca === cb) continue;
      if (!ca.every((x) => cb.every((y) => this.comparer.compare(infos[x]!, infos[y]!) > 0))) continue;
      ca.push(...cb);
      for (const y of cb) clusterOf.set(y, ca);
    }
    return [...new Set(clusterOf.values())].map((c) => c.sort((x, y) => x - y));
  }

  /**
   * A name written alone that is the last word of a full name (a surname) takes its spelling from the full
   * name's canonical, when exactly one full name in the corpus fits.
   */
  private linkSurnames(clusters: { group: NameGroup; members: number[] }[], entityGroups: NameGroup[], infos: FormInfo[]): void {
    const parents = new Map<string, NameGroup[]>();
    const addParent = (group: NameGroup) => {
      for (const f of group.forms) {
        const info = this.comparer.describe(f.form);
        if (info.words > 1) push(parents, info.lastWordKey, group);
      }
    };
    // Only people have surnames: a registry person, or a name the batch writes after a title.
    for (const { group, members } of clusters) if (group.type === 'person' && members.some((i) => infos[i]!.words > 1)) addParent(group);
    for (const group of entityGroups) if (group.type === 'person') addParent(group);

    for (const cluster of clusters) {
      const { group, members } = cluster;
      if (members.some((i) => infos[i]!.words > 1)) continue;
      const found = new Set<NameGroup>();
      for (const i of members) for (const p of parents.get(infos[i]!.fullKey.replace(/ /g, '')) ?? []) found.add(p);
      const surnames = new Set([...found].map((p) => lastWord(p.canonical)));
      if (surnames.size !== 1) continue;
      const surname = [...surnames][0]!;
      const surnameInfo = this.comparer.describe(surname);
      if (!members.every((i) => this.comparer.compare(infos[i]!, surnameInfo) > 0)) continue;
      const parent = [...found].sort((a, b) => sourceRank(a.source) - sourceRank(b.source))[0]!;
      if (group.forms.every((f) => f.form === surname)) continue;
      group.canonical = surname;
      group.source = parent.source;
      group.shortFormOf = parent.canonical;
      if (parent.rule) group.rule = parent.rule;
      if (parent.type) group.type = parent.type;
      group.forms = group.forms
        .map((f): GroupForm => (f.form === surname ? { form: f.form, status: 'canonical', mentions: f.mentions, documents: f.documents } : { form: f.form, status: 'variant', fix: surname, mentions: f.mentions, documents: f.documents }))
        .sort(formOrder);
    }
  }

  /**
   * A one-word variant inside a longer name made of it and generic words (Kizilzhar Police Department,
   * Qyzylzhar Airport) is a variant there too.
   */
  private findEmbedded(groups: NameGroup[], stats: FormStats[], bindings: (Binding | null | 'ambiguous')[]): void {
    const variants = new Map<string, GroupForm>();
    const plain = new Set<string>();
    for (const group of groups) {
      for (const f of group.forms) {
        if (f.status === 'variant') {
          if (!f.form.includes(' ')) variants.set(f.form, f);
        } else if (group.forms.length > 1) plain.add(f.form);
      }
    }
    if (variants.size === 0) return;
    stats.forEach((s, i) => {
      if (bindings[i] !== null || !s.form.includes(' ') || variants.has(s.form)) return;
      const words = s.form.split(' ');
      const named = words.filter((w) => !this.comparer.isCommon(w));
      const variant = named.length === 1 ? variants.get(named[0]!) : undefined;
      if (!variant || plain.has(s.form)) return;
      (variant.within ??= []).push(s.form);
    });
  }

  /** A title just before a name makes it a person's, in/at/near a place's; otherwise the type is not known. */
  private guessType(stats: FormStats[]): EntityType | undefined {
    let person = 0;
    let place = 0;
    for (const s of stats) {
      for (const word of s.before) {
        if (this.titles.has(word)) person++;
        else if (word === 'in' || word === 'at' || word === 'near') place++;
      }
    }
    if (person > place) return 'person';
    if (place > person) return 'place';
    return undefined;
  }
}

/** Keys under which a form meets its candidates: spelling key, joined key, and sound key. */
function blockKeys(info: FormInfo): string[] {
  return [`k:${info.fullKey}`, `j:${info.joinedKey}`, `p:${info.parts.length}:${info.phonetic}`];
}

function chooseCanonical(forms: FormStats[]): { form: string; source: CanonicalSource } {
  const trusted = forms.filter((f) => f.trustedDocuments > 0);
  const pool = trusted.length ? trusted : forms;
  const ranked = [...pool].sort(
    (a, b) => b.trustedDocuments - a.trustedDocuments || b.documents.length - a.documents.length || b.mentions - a.mentions || firstSeen(a) - firstSeen(b),
  );
  const [first, second] = ranked as [FormStats, FormStats | undefined];
  if (trusted.length) return { form: first.form, source: 'trusted' };
  const tie = second !== undefined && second.documents.length === first.documents.length && second.mentions === first.mentions;
  return { form: first.form, source: tie ? 'tie' : 'frequency' };
}

const firstSeen = (s: FormStats) => s.documents[0] ?? Number.MAX_SAFE_INTEGER;

const STATUS_ORDER = { canonical: 0, accepted: 1, variant: 2 } as const;

function formOrder(a: GroupForm, b: GroupForm): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.documents.length - a.documents.length || b.mentions - a.mentions || (a.form < b.form ? -1 : 1);
}

function sourceRank(source: CanonicalSource): number {
  return ['rule', 'trusted', 'frequency', 'tie'].indexOf(source);
}

function lastWord(form: string): string {
  return form.slice(form.lastIndexOf(' ') + 1);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type { NameOptions };
