// Steps 3 and 4 of the parser (see statement-parser.ts): what was counted (the noun phrase after
// a quantity, its category, nationality and age/sex group), what happened to them (a metric noun,
// a trigger before the count, a predicate after it), and how counts link into lists and
// breakdowns. The words come from the stream's lexicon.
import type { Category, Metric } from "../vocabularies";
import type { MetricWord, PersonClass } from "./lexicon";
import type { Outside, Reason } from "./reasons";
import { readCountNumber, readQuantity, type Quantity, type Stream, type Token } from "./numbers-and-tokens";

// ───────────────────────────── metrics ─────────────────────────────

/** What a phrase says happened: a metric, or the reason why the metric cannot be decided. */
export type MetricFinding = { metric: Metric } | { ambiguous: Reason };

const AMBIGUOUS_KI = (words: string): MetricFinding => ({ ambiguous: { reasonCode: "killed_and_injured", values: { words } } });

/** The finding a lexicon's metric word stands for; `words` are the words of the text, for messages. */
function findingOf(value: MetricWord, words: string): MetricFinding {
  if (value === "ki-and") return AMBIGUOUS_KI(words);
  if (value === "neutralized") return { ambiguous: { reasonCode: "neutralized", values: { words } } };
  if ("outside" in value) return { ambiguous: { reasonCode: "outside_vocabulary", values: { words, outcome: value.outside } } };
  return value;
}

// ───────────────────────────── heads (what was counted) ─────────────────────────────

/**
 * "Malian"/"foreign" (adjectives) or "Malians"/"foreigners" (nouns). Demonyms must be
 * capitalised, as in the source; "foreign" is not a demonym and may be lower-case.
 */
function nationalityOf(s: Stream, t: Token): { nationality: string; isNoun: boolean } | null {
  const foreign = s.lex.heads.foreign.get(t.lower);
  if (foreign !== undefined) return { nationality: "foreign", isNoun: foreign };
  const demonym = s.lex.heads.demonyms.get(t.lower);
  if (demonym === undefined || (s.lex.heads.demonymsCapitalised && !/^[A-Z]/.test(t.text))) return null;
  // "Sudanese" is both; read as an adjective, it still counts as a person when nothing follows.
  return { nationality: demonym, isNoun: t.lower !== demonym.toLowerCase() };
}

export type Head = {
  kind: "person" | "thing" | "unknown" | "none";
  /** Category stated by the noun phrase itself; null when not stated. */
  category: Category | null;
  personClass: PersonClass | undefined;
  nationality: string | null;
  demographic: string | null;
  metric: MetricFinding | null;
  /** "soldiers and civilians": one count over several categories. */
  mixed: boolean;
  /** « 4 blessés »: a participle used as a noun, nothing else — like English "4 injured", it refers back. */
  bareParticiple: boolean;
  /** "displaced": these people had something happen to them that the vocabulary does not measure. */
  outside: Outside | null;
  /** The words of the head, for messages. */
  words: string;
  end: number;
};

/**
 * Reads the noun phrase after a quantity: "Malian soldiers", "of the passengers",
 * "terrorist bodies", "civilian deaths and injuries". The phrase ends at a function word,
 * a punctuation mark, or the first word after its noun that is not itself a noun.
 */
function readHead(s: Stream, i: number, dates: Set<number>): Head {
  let j = i;
  const lex = s.lex.heads;
  // Partitives: "dozens of civilians", "12 of the 34 passengers", "12 of them", "12 d'entre eux".
  const partitive = s.matchAt(j, lex.partitives);
  if (partitive) {
    j = partitive.end;
    if (lex.partitiveDeterminers.has(s.lower(j))) j++;
    if (lex.partitivePronouns.has(s.lower(j))) {
      return {
        kind: "person",
        category: null,
        personClass: "others",
        nationality: null,
        demographic: null,
        metric: null,
        mixed: false,
        bareParticiple: false,
        outside: null,
        words: s.slice(i, j + 1),
        end: j + 1,
      };
    }
    const total = readCountNumber(s, j, dates);
    if (total) j = total.end; // "12 of the 34 passengers": the count is 12, the 34 is context
  }

  const head: Head = {
    kind: "none",
    category: null,
    personClass: undefined,
    nationality: null,
    demographic: null,
    metric: null,
    mixed: false,
    bareParticiple: false,
    outside: null,
    words: "",
    end: j,
  };
  let adjective: Category | null = null;
  let noun: "person" | "thing" | "metric" | null = null;
  let unknown = 0;
  const start = j;

  for (; j < s.tokens.length && j - start < 6; j++) {
    const t = s.at(j);
    if (t === undefined || t.kind !== "word") break;
    const w = t.lower;
    // "women and children", « femmes et d'enfants »: one count for two nouns — fine within a category, refused across.
    const skip = s.matchAt(j + 1, lex.partitives)?.end ?? j + 1;
    const other = s.at(skip);
    if (lex.coordinators.has(w) && noun === "person" && other !== undefined && lex.personNouns.has(other.lower)) {
      if (s.lex.heads.personNouns.get(other.lower) !== head.personClass) head.mixed = true;
      // The pair is one group: keep a subgroup only if both nouns name the same one.
      if (s.lex.heads.demographics.get(other.lower) !== head.demographic) head.demographic = null;
      if (nationalityOf(s, other)?.nationality !== head.nationality) head.nationality = null;
      j = skip; // the loop's own increment steps past the second noun
      continue;
    }
    const compound = s.matchAt(j, lex.compoundNouns);
    if (compound) {
      // "forces de défense et de sécurité": one person noun of several words.
      if (isCategory(head.personClass)) adjective ??= head.personClass;
      noun = "person";
      head.personClass = compound.value;
      j = compound.end - 1; // the loop's own increment steps past it
      continue;
    }
    // « 19 corps de terroristes », "the bodies of militants": whose bodies or deaths they were.
    const of = noun === "metric" ? s.matchAt(j, lex.partitives) : null;
    const whose = of ? of.end + (lex.partitiveDeterminers.has(s.lower(of.end)) ? 1 : 0) : -1;
    if (of && lex.personNouns.has(s.lower(whose))) {
      j = whose - 1; // « 30 morts parmi les civils »
      continue;
    }
    if (lex.headStops.has(w)) break;
    const isNoun = lex.personNouns.has(w) || lex.thingNouns.has(w) || lex.metricNouns.has(w);
    // After the noun, only another noun continues the phrase ("police officers") — and, in French,
    // the adjectives that follow it ("soldats maliens", "hommes armés", "personnes déplacées").
    const postAdjective =
      lex.adjectivesFollowNoun &&
      (nationalityOf(s, t) !== null || lex.categoryAdjectives.has(w) || lex.neutralModifiers.has(w) || lex.outsideNouns.has(w));
    if (noun !== null && !isNoun && !postAdjective) break;

    const nationality = nationalityOf(s, t);
    const metricNoun = s.lex.heads.metricNouns.get(w);
    const adjectiveCategory = s.lex.heads.categoryAdjectives.get(w);
    const participle = s.lex.heads.metricParticiples.get(w);
    if (nationality) {
      head.nationality = nationality.nationality;
      // French demonyms are nouns and adjectives alike: after a noun ("soldats maliens") an adjective.
      if (nationality.isNoun && noun === null) {
        noun = "person";
        head.personClass = null;
      }
    } else if (metricNoun !== undefined) {
      noun = "metric";
      head.metric = { metric: metricNoun };
      // "34 civilian deaths and injuries": one number for two metrics.
      const second = lex.metricNouns.get(s.lower(j + 2));
      if (lex.coordinators.has(s.lower(j + 1)) && second !== undefined && second !== metricNoun) {
        head.metric = AMBIGUOUS_KI(s.slice(j, j + 3));
        j += 2;
      }
    } else if (s.lex.heads.thingNouns.has(w)) {
      noun = "thing";
    } else if (lex.personNouns.has(w) && !(lex.adjectivesFollowNoun && noun === "person" && adjectiveCategory !== undefined)) {
      // (« victimes civiles »: after a French noun, "civiles" is the adjective, not a second noun)
      // In "jihadist fighters" or "police officers" the first noun qualifies the second.
      if (isCategory(head.personClass)) adjective ??= head.personClass;
      noun = "person";
      head.personClass = s.lex.heads.personNouns.get(w);
      head.demographic = s.lex.heads.demographics.get(w) ?? null;
    } else if (lex.memberNouns.has(w) && noun === null) {
      // "members of the security forces": the category is in the complement.
      if (s.matchAt(j + 1, lex.partitives)) {
        const inner = readHead(s, j + 1, dates);
        if (inner.kind === "person") return { ...inner, words: s.slice(i, inner.end) };
      }
      noun = "person";
      head.personClass = null;
    } else if (lex.outsideNouns.has(w)) {
      // "5,000 displaced", "12 displaced people", "des déplacés": civilians, counted for something else.
      head.outside = lex.outsideNouns.get(w)!;
      if (noun === null && !lex.personNouns.has(s.lower(j + 1))) {
        noun = "person";
        head.personClass = "civilians";
      }
    } else if (adjectiveCategory !== undefined) {
      adjective = adjectiveCategory;
    } else if (participle !== undefined) {
      // "many injured individuals": an adjective only when a person noun follows.
      if (!s.lex.heads.personNouns.has(s.lower(j + 1))) break;
      head.metric = { metric: participle };
    } else if (s.lex.heads.neutralModifiers.has(w)) {
      // nothing to record
    } else if (isPredicateStart(s, j) || unknown >= 3) {
      break;
    } else {
      unknown++;
    }
  }
  head.end = j;
  head.words = s.slice(start, j);
  head.bareParticiple =
    noun === "metric" && j === start + 1 && adjective === null && head.nationality === null && lex.nominalParticiples.has(s.lower(start));
  // Displaced people are civilians, whatever else happened to them.
  if (head.outside !== null && head.personClass === null) head.personClass = "civilians";

  if (noun === "thing") head.kind = "thing";
  else if (noun === "person" || noun === "metric") head.kind = "person";
  else if (unknown > 0)
    head.kind = "unknown"; // "30 donkeys": no idea whether these are people
  else if (head.nationality !== null || adjective !== null)
    head.kind = "person"; // "13 Malian and 21 foreign nationals"
  else head.kind = "none"; // elliptical: "34 civilians killed and 34 injured"

  head.category = statedCategory(head.personClass, adjective);
  return head;
}

/** The noun's own category wins; an adjective decides for nouns without one ("armed men", "jihadist fighters"). */
function statedCategory(cls: PersonClass | undefined, adjective: Category | null): Category | null {
  return isCategory(cls) ? cls : adjective;
}

function isCategory(cls: PersonClass | undefined): cls is "civilians" | "security_forces" | "attackers" {
  return cls === "civilians" || cls === "security_forces" || cls === "attackers";
}

function isPredicateStart(s: Stream, j: number): boolean {
  return s.matchAt(j, s.lex.metrics.predicates) !== null || s.lex.metrics.predicateFillers.has(s.lower(j));
}

/** Finds the predicate after the head, skipping auxiliaries and asides. */
function readPredicate(s: Stream, i: number, dates: Set<number>): { finding: MetricFinding; end: number } | null {
  let j = i;
  while (!s.isHardStop(j)) {
    const t = s.at(j)!;
    // ", including 13 Malians and 21 foreigners," — skip to the closing comma.
    if (t.text === "," && s.lex.metrics.asideOpeners.has(s.lower(j + 1))) {
      const close = findCloser(s, j + 1, [","]);
      if (close < 0) return null;
      j = close + 1;
      continue;
    }
    if (t.text === "(" || t.text === "—" || t.text === "–") {
      const close = findCloser(s, j + 1, t.text === "(" ? [")"] : ["—", "–"]);
      if (close < 0) return null;
      j = close + 1;
      continue;
    }
    const m = s.matchAt(j, s.lex.metrics.predicates);
    // "3 gunmen killed 12 soldiers", « un homme armé a tué 3 personnes »: a participle followed by
    // a count is that count's verb (a trigger), not what happened to the first one.
    if (m && readQuantity(s, m.end, dates) !== null) return null;
    if (m) return { finding: findingOf(m.value, s.slice(j, m.end)), end: m.end };
    if (!s.lex.metrics.predicateFillers.has(t.lower)) return null;
    j++;
  }
  return null;
}

function findCloser(s: Stream, from: number, closers: string[]): number {
  for (let j = from; !s.isHardStop(j); j++) if (closers.includes(s.at(j)!.text)) return j;
  return -1;
}

function readTrigger(s: Stream, quantityStart: number): { finding: MetricFinding; start: number } | null {
  let end = quantityStart;
  const filler = s.matchEndingAt(end, s.lex.metrics.triggerFillers);
  if (filler) end = filler.start;
  const m = s.matchEndingAt(end, s.lex.metrics.triggers);
  if (!m) return null;
  const words = s.slice(m.start, end);
  return { finding: findingOf(m.value, words), start: m.start };
}

// ───────────────────────────── mentions ─────────────────────────────

export type Mention = {
  quantity: Quantity;
  head: Head;
  sentence: number;
  /** Token range of the fragment reported as `text`. */
  from: number;
  to: number;
  /** Metric found for this mention alone, and where it was found. */
  own: MetricFinding | null;
  ownSource: "head" | "trigger" | "predicate" | "marker" | null;
  breakdown: { parent: Mention | null; markerMetric: MetricFinding | null; hasTotal: boolean } | null;
  /** "Gunmen killed 12 …": the count follows a verb whose subject is an attacker, so it counts people. */
  perpetratorSubject: boolean;
  /** Previous mention in a plain list ("13 Malians and 21 foreigners"), and the word joining them. */
  coordinatedWith: Mention | null;
  link: "and" | "comma" | null;
};

export function findMentions(s: Stream, dates: Set<number>): Mention[] {
  const mentions: Mention[] = [];
  let sentence = 0;
  let i = 0;
  while (i < s.tokens.length) {
    if (s.isHardStop(i)) {
      sentence++;
      i++;
      continue;
    }
    const quantity = readQuantity(s, i, dates);
    if (!quantity) {
      i++;
      continue;
    }
    if (isAge(s, quantity.start)) {
      i = quantity.end;
      continue;
    }
    const head = readHead(s, quantity.end, dates);
    mentions.push(describeMention(s, quantity, head, sentence, mentions, dates));
    i = Math.max(head.end, quantity.end);
  }
  return mentions;
}

/** "children under 5", "men aged 18 to 30", "enfants âgés de 5 ans": a number right after a person noun is an age. */
function isAge(s: Stream, quantityStart: number): boolean {
  return s.lex.heads.personNouns.has(s.lower(quantityStart - 1)) || s.matchEndingAt(quantityStart, s.lex.heads.ageLeads) !== null;
}

function describeMention(s: Stream, quantity: Quantity, head: Head, sentence: number, earlier: Mention[], dates: Set<number>): Mention {
  const trigger = readTrigger(s, quantity.start);
  const predicate = readPredicate(s, head.end, dates);
  const marker = s.matchEndingAt(quantity.start, s.lex.metrics.breakdownMarkers);

  const previous = earlier.at(-1) ?? null;
  const between = previous && previous.sentence === sentence ? s.matchAt(previous.head.end, s.lex.listConnectors) : null;
  const coordinated = previous !== null && between !== null && between.end === quantity.start;

  let breakdown: Mention["breakdown"] = null;
  if (marker) {
    const parent = marker.value.hasTotal
      ? ([...earlier].reverse().find((m) => m.sentence === sentence && m.breakdown === null) ?? null)
      : null;
    breakdown = { parent, markerMetric: marker.value.metric, hasTotal: marker.value.hasTotal };
  } else if (coordinated && previous.breakdown) {
    breakdown = previous.breakdown; // "including 13 Malians and 21 foreigners"
  }

  // Precedence: what the noun phrase says, then the verb before it, then the verb after it.
  const candidates: Array<[Mention["ownSource"], MetricFinding | null | undefined]> = [
    ["head", head.metric],
    ["trigger", trigger?.finding],
    ["predicate", predicate?.finding],
    ["marker", marker?.value.metric],
  ];
  const chosen = candidates.find(([, finding]) => finding);
  const own = chosen?.[1] ?? null;
  const ownSource = chosen?.[0] ?? null;
  const from = ownSource === "trigger" && trigger ? trigger.start : quantity.start;
  const to = ownSource === "predicate" && predicate ? predicate.end : Math.max(head.end, quantity.end);
  return {
    quantity,
    head,
    sentence,
    from,
    to,
    own,
    ownSource,
    breakdown,
    perpetratorSubject: trigger !== null && attackerBefore(s, trigger.start),
    coordinatedWith: coordinated ? previous : null,
    link: coordinated ? between.value : null,
  };
}

/** True when an attacker noun ("gunmen", "armed men", "des hommes armés") comes earlier in the sentence. */
function attackerBefore(s: Stream, end: number): boolean {
  const lex = s.lex.heads;
  for (let j = end - 1; j >= 0 && !s.isHardStop(j); j--) {
    const w = s.lower(j);
    if (lex.personNouns.get(w) === "attackers") return true;
    const adjective = lex.categoryAdjectives.get(w) === "attackers";
    if (adjective && (lex.personNouns.get(s.lower(j - 1)) === null || lex.personNouns.get(s.lower(j + 1)) === null)) return true;
  }
  return false;
}

/**
 * The metric of a mention: its own; else shared through its list; else its breakdown total's.
 * A list shares a trigger forwards ("killing 34 civilians and 20 soldiers") and a predicate
 * backwards ("34 civilians and 20 soldiers were killed") — the latter only when the list ends
 * with "and": in "carrying 100 people, 20 soldiers were killed" the comma joins two clauses.
 */
export function resolveMetric(m: Mention, all: Mention[]): MetricFinding | null {
  if (m.own) return m.own;
  for (let p = m.coordinatedWith; p; p = p.coordinatedWith) {
    if (p.own && p.ownSource !== "predicate") return p.own;
  }
  const last = followingInList(m, all).at(-1);
  if (last?.own && last.ownSource === "predicate" && last.link === "and") return last.own;
  const parent = m.breakdown?.parent;
  return parent ? resolveMetric(parent, all) : null;
}

export function followingInList(m: Mention, all: Mention[]): Mention[] {
  const list: Mention[] = [];
  let current = m;
  for (let k = all.indexOf(m) + 1; k < all.length; k++) {
    const n = all[k]!;
    if (n.coordinatedWith !== current) break;
    list.push(n);
    current = n;
  }
  return list;
}

export function listOf(m: Mention, all: Mention[]): Mention[] {
  let first = m;
  while (first.coordinatedWith) first = first.coordinatedWith;
  return [first, ...followingInList(first, all)];
}
