// The French lexicon of the statement parser (see lexicon.ts for its shape). Built from the way
// tolls are worded in the Sahel's French-language sources: government and army communiqués
// (« X terroristes neutralisés », « mis hors d'état de nuire »), AFP/RFI wires (« au moins 20 civils
// ont été tués », « une trentaine de morts »), local radio (« des hommes armés non identifiés ont
// tué … »), and NGO and UN reports (« dont 5 enfants »). Words are matched lower-cased, with French
// elisions as tokens of their own ("d'", "l'", "jusqu'").
import type { Category, Metric } from "../vocabularies";
import { phrases, type BreakdownMarker, type Convention, type Lexicon, type MetricWord, type PersonClass, type Prefix } from "./lexicon";
import type { Outside } from "./reasons";

// ───────────────────────────── numbers ─────────────────────────────

/**
 * Every French number word below 100 written as one word, hyphenated as in both spellings
 * (traditional "vingt et un" is read as three words, 1990 "vingt-et-un" as one), plus the
 * Belgian and Swiss "septante", "huitante", "nonante".
 */
function frenchUnits(): Record<string, number> {
  const units: Record<string, number> = {
    zéro: 0,
    zero: 0,
    un: 1,
    une: 1,
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
    six: 6,
    sept: 7,
    huit: 8,
    neuf: 9,
    dix: 10,
    onze: 11,
    douze: 12,
    treize: 13,
    quatorze: 14,
    quinze: 15,
    seize: 16,
    "dix-sept": 17,
    "dix-huit": 18,
    "dix-neuf": 19,
  };
  const below20 = Object.entries(units).filter(([, v]) => v >= 1 && v <= 19);
  const add = (tens: string, base: number, upTo: number) => {
    for (const [word, v] of below20) {
      if (v > upTo) continue;
      units[`${tens}-${word}`] = base + v;
      if (v === 1 || v === 11) units[`${tens}-et-${word}`] = base + v; // vingt-et-un, soixante-et-onze
    }
  };
  for (const [tens, base] of Object.entries(TENS)) {
    if (base === 80)
      add(tens.replace(/s$/, ""), 80, 19); // quatre-vingt-un … quatre-vingt-dix-neuf (no "et")
    else add(tens, base, base === 60 ? 19 : 9); // soixante-dix … soixante-dix-neuf
  }
  return units;
}
const TENS: Record<string, number> = {
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  septante: 70,
  huitante: 80,
  octante: 80,
  nonante: 90,
  "quatre-vingt": 80,
  "quatre-vingts": 80,
};
const UNITS = frenchUnits();
const SCALES: Record<string, number> = { mille: 1_000, mil: 1_000, million: 1_000_000, millions: 1_000_000, milliard: 1e9, milliards: 1e9 };
/** "une vingtaine" ≈ 20, "un millier" ≈ 1,000: round counts, read as approximations. */
const ROUND_COUNTS: Record<string, number> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  millier: 1_000,
};

// ───────────────────────────── dates ─────────────────────────────

// French months are lower-case in running text; "sept" (7) is left out of the abbreviations.
const MONTHS = new Set(
  "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre janv févr fév avr juil oct nov déc"
    .split(" ")
    .flatMap((m) => [m, m[0]!.toUpperCase() + m.slice(1)]),
);
const YEAR_PREPOSITIONS = new Set(
  "en depuis de du dès des avant après fin début mi entre et à au année an courant vers d' jusqu' l'an".split(" "),
);
const RANGE_LINKS = new Set(["et", "à", "au", "-", "–", "—", "ou"]);

// ───────────────────────────── quantities ─────────────────────────────

/** Prefixes, with "de" and its elided "d'" both spelled: "plus de 100", "plus d'une centaine". */
const PREFIXES = phrases<Prefix>(
  (
    [
      ["au moins", { qualifier: "at_least" }],
      ["au minimum", { qualifier: "at_least" }],
      ["à tout le moins", { qualifier: "at_least" }],
      ["au bas mot", { qualifier: "at_least" }],
      ["pas moins de", { qualifier: "at_least" }],
      ["un minimum de", { qualifier: "at_least" }],
      ["plus de", { qualifier: "more_than" }],
      ["bien plus de", { qualifier: "more_than" }],
      ["un peu plus de", { qualifier: "more_than" }],
      ["largement plus de", { qualifier: "more_than" }],
      ["au-delà de", { qualifier: "more_than" }],
      ["au delà de", { qualifier: "more_than" }],
      ["plus de", { qualifier: "more_than" }],
      ["jusqu' à", { qualifier: "at_most" }],
      ["au plus", { qualifier: "at_most" }],
      ["au maximum", { qualifier: "at_most" }],
      ["tout au plus", { qualifier: "at_most" }],
      ["pas plus de", { qualifier: "at_most" }],
      ["un maximum de", { qualifier: "at_most" }],
      ["moins de", { qualifier: "at_most", exclusive: true }],
      // As in English, approximations keep the stated number; the qualifier carries the doubt.
      ["un peu moins de", { qualifier: "approximately" }],
      ["près de", { qualifier: "approximately" }],
      ["environ", { qualifier: "approximately" }],
      ["quelque", { qualifier: "approximately" }],
      ["approximativement", { qualifier: "approximately" }],
      ["à peu près", { qualifier: "approximately" }],
      ["autour de", { qualifier: "approximately" }],
      ["aux alentours de", { qualifier: "approximately" }],
      ["avoisinant", { qualifier: "approximately" }],
      ["presque", { qualifier: "approximately" }],
      ["quasiment", { qualifier: "approximately" }],
      ["pratiquement", { qualifier: "approximately" }],
      ["plus ou moins", { qualifier: "approximately" }],
      ["une estimation de", { qualifier: "approximately" }],
      ["estimé à", { qualifier: "approximately" }],
      ["estimés à", { qualifier: "approximately" }],
    ] as Array<[string, Prefix]>
  ).flatMap(([text, prefix]): Array<[string, Prefix]> =>
    text.endsWith(" de")
      ? [
          [text, prefix],
          [`${text.slice(0, -3)} d'`, prefix],
        ]
      : [[text, prefix]],
  ),
);

/** ACLED's conventions in French: "des dizaines" = tens (10), "des centaines" = hundreds (100), open above. */
const CONVENTIONS: Record<string, Convention> = {
  dizaines: { value: 10 },
  douzaines: { value: 12 },
  centaines: { value: 100 },
};
const CONVENTION_LEADS = phrases<true>([
  ["des", true],
  ["plusieurs", true],
  ["quelques", true],
  ["de nombreuses", true],
  ["les", true],
]);
const CONVENTION_EXCLUSIONS = phrases<true>([
  ["dizaines de milliers", true],
  ["centaines de milliers", true],
  ["dizaines de millions", true],
  ["centaines de millions", true],
]);

const VAGUE = phrases<true>([
  ["plusieurs", true],
  ["nombreux", true],
  ["nombreuses", true],
  ["de nombreux", true],
  ["de nombreuses", true],
  ["quelques", true],
  ["beaucoup de", true],
  ["beaucoup d'", true],
  ["bon nombre de", true],
  ["un certain nombre de", true],
  ["un certain nombre d'", true],
  ["un grand nombre de", true],
  ["un grand nombre d'", true],
  ["un nombre important de", true],
  ["un nombre important d'", true],
  ["un nombre indéterminé de", true],
  ["un nombre indéterminé d'", true],
  ["un nombre inconnu de", true],
  ["un nombre inconnu d'", true],
  ["une poignée de", true],
  ["une poignée d'", true],
  ["d'innombrables", true],
  ["innombrables", true],
  ["des milliers", true],
  ["milliers", true],
  ["plusieurs milliers", true],
  ["quelques milliers", true],
  ["des dizaines de milliers", true],
  ["des centaines de milliers", true],
]);
const SAME = phrases<true>([
  ["le même nombre", true],
  ["un nombre égal", true],
  ["autant", true],
]);
const RELATIVE = phrases<true>([
  ["un nombre similaire", true],
  ["un nombre comparable", true],
  ["un nombre équivalent", true],
  ["un bilan similaire", true],
  ["deux fois plus", true],
  ["trois fois plus", true],
  ["moitié moins", true],
  ["le double", true],
  ["le triple", true],
]);

// ───────────────────────────── metrics ─────────────────────────────

/** The four agreements of a participle: "tué" → tué, tués, tuée, tuées. */
function agreements(participle: string): string[] {
  if (participle.endsWith("é") || participle.endsWith("i") || participle.endsWith("u")) {
    return [participle, `${participle}s`, `${participle}e`, `${participle}es`];
  }
  if (participle.endsWith("s")) return [participle, `${participle}e`, `${participle}es`]; // pris, mis
  return [participle, `${participle}s`, `${participle}e`, `${participle}es`]; // mort
}
/**
 * Each participle in every agreement. The first word agrees, or the words marked "~" when there
 * are several: "~tué ou ~blessé" → tués ou blessés, tuées ou blessées…
 */
function agreeing<T>(entries: Array<[string, T]>): Array<[string, T]> {
  return entries.flatMap(([text, value]) => {
    const words = text.split(" ");
    const marked = words.some((w) => w.startsWith("~"));
    return [0, 1, 2, 3].map((form): [string, T] => [
      words
        .map((w, k) =>
          marked ? (w.startsWith("~") ? (agreements(w.slice(1))[form] ?? w.slice(1)) : w) : k === 0 ? (agreements(w)[form] ?? w) : w,
        )
        .join(" "),
      value,
    ]);
  });
}

const KILLED: MetricWord = { metric: "killed" };
const INJURED: MetricWord = { metric: "injured" };
const MISSING: MetricWord = { metric: "missing" };
const ABDUCTED: MetricWord = { metric: "abducted" };
const KI: MetricWord = { metric: "killed_or_injured" };
const DISPLACED: MetricWord = { outside: "displaced" };
const DETAINED: MetricWord = { outside: "detained" };

/** Predicates after the counted noun: « ont été tués », « ont perdu la vie », « portés disparus ». */
const PREDICATES = phrases<MetricWord>([
  ...agreeing<MetricWord>([
    ["tué", KILLED],
    ["mort", KILLED],
    ["décédé", KILLED],
    ["assassiné", KILLED],
    ["exécuté", KILLED],
    ["massacré", KILLED],
    ["abattu", KILLED],
    ["égorgé", KILLED],
    ["décapité", KILLED],
    ["fusillé", KILLED],
    ["lynché", KILLED],
    ["calciné", KILLED],
    ["carbonisé", KILLED],
    ["éliminé", KILLED],
    ["tombé au combat", KILLED],
    ["tombé sous les balles", KILLED],
    ["tombé sur le champ d'honneur", KILLED],
    ["tombé au champ d'honneur", KILLED],
    ["tombé les armes à la main", KILLED],
    ["tombé au front", KILLED],
    ["~brûlé ~vif", KILLED],
    ["mortellement ~blessé", KILLED],
    ["mortellement ~touché", KILLED],
    ["~retrouvé ~mort", KILLED],
    ["retrouvé sans vie", KILLED],
    ["noyé", KILLED],
    ["~tué ou ~blessé", KI],
    ["~mort ou ~blessé", KI],
    ["~tué et ~blessé", "ki-and"],
    ["blessé", INJURED],
    ["grièvement ~blessé", INJURED],
    ["gravement ~blessé", INJURED],
    ["légèrement ~blessé", INJURED],
    ["disparu", MISSING],
    ["~porté ~disparu", MISSING],
    ["enlevé", ABDUCTED],
    ["kidnappé", ABDUCTED],
    ["séquestré", ABDUCTED],
    ["pris en otage", ABDUCTED],
    ["pris en otages", ABDUCTED],
    ["retenu en otage", ABDUCTED],
    ["gardé en otage", ABDUCTED],
    ["emmené vers une destination inconnue", ABDUCTED],
    ["neutralisé", "neutralized"],
    ["mis hors d' état de nuire", "neutralized"],
    ["mis hors de combat", "neutralized"],
    ["déplacé", DISPLACED],
    ["contraint de fuir", DISPLACED],
    ["forcé de fuir", DISPLACED],
    ["arrêté", DETAINED],
    ["interpellé", DETAINED],
    ["capturé", DETAINED],
    ["fait prisonnier", DETAINED],
    ["placé en garde à vue", DETAINED],
  ]),
  ["péri", KILLED],
  ["perdu la vie", KILLED],
  ["trouvé la mort", KILLED],
  ["laissé la vie", KILLED],
  ["succombé", KILLED],
  ["sans vie", KILLED],
  ["morts et blessés", "ki-and"],
  ["fui", DISPLACED],
  ["dû fuir", DISPLACED],
  ["introuvables", MISSING],
  ["sont introuvables", MISSING],
]);

/** Words between the counted noun and its predicate: « auraient été tués », « ont tous été tués ». */
const PREDICATE_FILLERS = new Set([
  "ont",
  "a",
  "été",
  "sont",
  "est",
  "étaient",
  "était",
  "avaient",
  "avait",
  "auraient",
  "aurait",
  "seraient",
  "serait",
  "seront",
  "auront",
  "pourraient",
  "pourrait",
  "avoir",
  "être",
  "y",
  "se",
  "s'",
  "également",
  "aussi",
  "tous",
  "toutes",
  "finalement",
  "officiellement",
  "probablement",
  "vraisemblablement",
  "malheureusement",
  "hélas",
  "déjà",
  "encore",
  "toujours",
  "ensuite",
  "depuis",
  "sommairement",
  "présumés",
  "présumées",
  "supposés",
  "retrouvés",
  "retrouvées",
  "restent",
  "demeurent",
  "portés",
  "portées",
  "«",
  "»",
  '"',
  "“",
  "”",
]);
/** After a comma, these open an aside that the predicate search skips: « 20 personnes, dont 5 enfants, ont été tuées ». */
const ASIDE_OPENERS = new Set([
  "dont",
  "parmi",
  "notamment",
  "essentiellement",
  "principalement",
  "majoritairement",
  "surtout",
  "selon",
  "d'après",
  "pour",
  "en",
  "y",
  "tous",
  "toutes",
]);

/** Triggers before the count: « tuant 12 », « ont tué 12 », « la mort de 12 », « coûté la vie à 12 ». */
const TRIGGERS = phrases<MetricWord>(
  [
    ...([
      ["tuant", KILLED],
      // « Le nombre de morts est passé à 60 », « le nombre de tués s'élève à 45 ».
      ...["morts", "tués", "décès", "victimes tuées"].flatMap((dead) =>
        ["est passé à", "s'élève à", "atteint", "a atteint", "est de", "se chiffre à", "grimpe à", "a grimpé à"].map(
          (verb): [string, MetricWord] => [`nombre de ${dead} ${verb}`, KILLED],
        ),
      ),
      ["perdu", KILLED], // « l'armée a perdu 12 hommes »: a communiqué's own losses
      ["tué", KILLED],
      ["abattu", KILLED],
      ["abattant", KILLED],
      ["massacré", KILLED],
      ["massacrant", KILLED],
      ["exécuté", KILLED],
      ["exécutant", KILLED],
      ["assassiné", KILLED],
      ["assassinant", KILLED],
      ["égorgé", KILLED],
      ["égorgeant", KILLED],
      ["décapité", KILLED],
      ["éliminé", KILLED],
      ["éliminant", KILLED],
      ["fauché", KILLED],
      ["coûté la vie à", KILLED],
      ["coûtant la vie à", KILLED],
      ["coûte la vie à", KILLED],
      ["ôté la vie à", KILLED],
      ["blessant", INJURED],
      ["blessé", INJURED],
      ["tuant ou blessant", KI],
      ["tué ou blessé", KI],
      ["tuant et blessant", "ki-and"],
      ["tué et blessé", "ki-and"],
      ["enlevant", ABDUCTED],
      ["enlevé", ABDUCTED],
      ["kidnappant", ABDUCTED],
      ["kidnappé", ABDUCTED],
      ["pris en otage", ABDUCTED],
      ["neutralisé", "neutralized"],
      ["neutralisant", "neutralized"],
      ["mis hors d' état de nuire", "neutralized"],
      ["déplacé", DISPLACED],
      ["déplaçant", DISPLACED],
      ["forcé", DISPLACED],
      ["arrêté", DETAINED],
      ["interpellé", DETAINED],
      ["capturé", DETAINED],
      ["capturant", DETAINED],
    ] as Array<[string, MetricWord]>),
    // Nouns of an event, followed by "de" or its elision "d'": « la mort de 12 soldats », « l'enlèvement d'une vingtaine ».
    ...(
      [
        ["la mort", KILLED],
        ["mort", KILLED],
        ["le décès", KILLED],
        ["décès", KILLED],
        ["l' assassinat", KILLED],
        ["l' exécution", KILLED],
        ["le massacre", KILLED],
        ["massacre", KILLED],
        ["les corps", KILLED],
        ["les corps sans vie", KILLED],
        ["les dépouilles", KILLED],
        ["les dépouilles mortelles", KILLED],
        ["les cadavres", KILLED],
        ["l' enlèvement", ABDUCTED],
        ["enlèvement", ABDUCTED],
        ["le rapt", ABDUCTED],
        ["le kidnapping", ABDUCTED],
        ["la disparition", MISSING],
        ["le déplacement", DISPLACED],
        ["l' arrestation", DETAINED],
        ["la neutralisation", "neutralized"],
      ] as Array<[string, MetricWord]>
    ).flatMap(([text, value]): Array<[string, MetricWord]> => [
      [`${text} de`, value],
      [`${text} d'`, value],
    ]),
  ].flatMap(([text, value]): Array<[string, MetricWord]> =>
    // Past participles agree after « avoir » only with a preceding object: "tué" is the usual form,
    // but wires also write « ont tués »; both are read.
    /^[a-zé]+é$/.test(text.split(" ")[0]!) && !text.includes(" de") ? agreeing([[text, value]]) : [[text, value]],
  ),
);
const TRIGGER_FILLERS = phrases<true>([
  ["sommairement", true],
  ["froidement", true],
  ["au total", true],
  ["un total de", true],
  ["encore", true],
  ["également", true],
  ["aussi", true],
  ["«", true],
  ['"', true],
]);

const BREAKDOWN_MARKERS = phrases<BreakdownMarker>(buildBreakdownMarkers());
function buildBreakdownMarkers(): Array<[string, BreakdownMarker]> {
  const entries: Array<[string, BreakdownMarker]> = [
    ["dont", { metric: null, hasTotal: true }],
    ["dont notamment", { metric: null, hasTotal: true }],
    ["parmi eux", { metric: null, hasTotal: true }],
    ["parmi elles", { metric: null, hasTotal: true }],
    ["parmi lesquels", { metric: null, hasTotal: true }],
    ["parmi lesquelles", { metric: null, hasTotal: true }],
    ["y compris", { metric: null, hasTotal: true }],
    ["notamment", { metric: null, hasTotal: true }],
  ];
  // « Parmi les morts figurent … », « Parmi les victimes, on compte … »: a breakdown without a stated total.
  const groups: Array<[string, { metric: Metric } | null]> = [
    ["morts", { metric: "killed" }],
    ["tués", { metric: "killed" }],
    ["décédés", { metric: "killed" }],
    ["personnes tuées", { metric: "killed" }],
    ["blessés", { metric: "injured" }],
    ["disparus", { metric: "missing" }],
    ["otages", { metric: "abducted" }],
    ["personnes enlevées", { metric: "abducted" }],
    ["victimes", null],
  ];
  for (const [group, metric] of groups) {
    for (const verb of [
      "figurent",
      "figuraient",
      "se trouvent",
      "se trouvaient",
      "on compte",
      ", on compte",
      "on dénombre",
      ", on dénombre",
      "on recense",
      ":",
      ",",
    ]) {
      entries.push([`parmi les ${group} ${verb}`, { metric, hasTotal: false }]);
    }
    for (const verb of ["sont", "comptent", "comprennent", "incluent"]) entries.push([`les ${group} ${verb}`, { metric, hasTotal: false }]);
  }
  return entries;
}

// ───────────────────────────── heads (what was counted) ─────────────────────────────

const PERSON_NOUNS = new Map<string, PersonClass>();
function addNouns(cls: PersonClass, words: string): void {
  for (const w of words.split(/\s+/)) if (w) PERSON_NOUNS.set(w, cls);
}
addNouns(
  "civilians",
  `civil civils civile civiles villageois habitant habitants habitante habitantes résident résidents population populations
   passager passagers passagère passagères voyageur voyageurs voyageuse voyageuses usager usagers femme femmes enfant enfants
   fille filles fillette fillettes garçon garçons garçonnet garçonnets bébé bébés nourrisson nourrissons mineur mineurs
   élève élèves écolier écoliers écolière écolières étudiant étudiants étudiante étudiantes enseignant enseignants enseignante
   enseignantes instituteur instituteurs commerçant commerçants commerçante commerçantes marchand marchands marchande marchandes
   vendeur vendeurs vendeuse vendeuses forains orpailleur orpailleurs orpailleuse orpailleuses agriculteur agriculteurs
   cultivateur cultivateurs paysan paysans paysanne paysannes éleveur éleveurs bergers berger pasteurs pêcheur pêcheurs
   fidèle fidèles pèlerin pèlerins chauffeur chauffeurs conducteur conducteurs transporteur transporteurs apprenti apprentis
   travailleur travailleurs ouvrier ouvriers humanitaire humanitaires médecin médecins infirmier infirmiers infirmière
   infirmières patient patients journaliste journalistes notable notables imam imams prêtre prêtres catéchiste catéchistes
   vieillard vieillards migrant migrants rapatriés clients spectateurs supporters invités convives non-combattants innocents
   fermiers bouviers talibés camionneurs motocyclistes piétons parents proches`,
);
// As in English, peacekeepers and the state's auxiliaries (VDP, dozos) count with the security forces.
addNouns(
  "security_forces",
  `soldat soldats militaire militaires fama fds gendarme gendarmes policier policiers policière policières garde gardes
   douanier douaniers vdp dozo dozos légionnaire légionnaires parachutiste parachutistes troupes recrue recrues
   sous-officier sous-officiers officier officiers forces gardes-forestiers forestiers casques-bleus`,
);
addNouns(
  "attackers",
  `assaillant assaillants assaillante terroriste terroristes jihadiste jihadistes djihadiste djihadistes islamiste islamistes
   insurgé insurgés rebelle rebelles extrémiste extrémistes bandit bandits kamikaze kamikazes ravisseur ravisseurs malfrat malfrats
   criminels agresseur agresseurs ennemi ennemis gat hani`,
);
addNouns(
  null,
  `personne personnes individu individus homme hommes adulte adultes ressortissant ressortissants ressortissante ressortissantes
   otage otages prisonnier prisonniers détenu détenus captif captifs agent agents volontaires chasseurs âmes
   peul peuls peulh peulhs dogon dogons touareg touaregs songhaï songhaïs bambara bambaras haoussa mossi mossis arabes`,
);
addNouns("others", "autre autres");
addNouns("victims", "victime victimes");
addNouns("side?", "combattant combattants combattante combattantes milicien miliciens milice milices mercenaire mercenaires supplétifs");

/** Person nouns of several words. */
const COMPOUND_NOUNS = phrases<PersonClass>([
  ["forces de défense et de sécurité", "security_forces"],
  ["forces de défense et sécurité", "security_forces"],
  ["forces de défense", "security_forces"],
  ["forces de sécurité", "security_forces"],
  ["forces armées", "security_forces"],
  ["forces de l' ordre", "security_forces"],
  ["forces spéciales", "security_forces"],
  ["garde nationale", "security_forces"],
  ["gardes nationaux", "security_forces"],
  ["casques bleus", "security_forces"],
  ["volontaires pour la défense de la patrie", "security_forces"],
  ["chasseurs traditionnels", "security_forces"],
  ["chasseurs dozos", "security_forces"],
  ["agents de police", "security_forces"],
  ["agents des eaux et forêts", "security_forces"],
  ["éléments des fds", "security_forces"],
  ["groupes armés terroristes", "attackers"],
  ["groupe armé terroriste", "attackers"],
  ["hommes armés non identifiés", "attackers"],
  ["preneurs d' otages", "attackers"],
  ["chercheurs d' or", "civilians"],
  ["chef de village", "civilians"],
  ["chefs de village", "civilians"],
  ["chefs coutumiers", "civilians"],
  ["agents humanitaires", "civilians"],
  ["agents de santé", "civilians"],
  ["membres d' équipage", null],
]);

/** Adjectives that state a category; in French they follow the noun: « hommes armés », « cibles militaires ». */
const CATEGORY_ADJECTIVES = new Map<string, Category>([
  ...["civil", "civils", "civile", "civiles"].map((w): [string, Category] => [w, "civilians"]),
  ...["militaire", "militaires", "gouvernemental", "gouvernementaux", "gouvernementale", "gouvernementales", "loyalistes"].map(
    (w): [string, Category] => [w, "security_forces"],
  ),
  ...[
    "terroriste",
    "terroristes",
    "jihadiste",
    "jihadistes",
    "djihadiste",
    "djihadistes",
    "islamiste",
    "islamistes",
    "rebelle",
    "rebelles",
    "extrémiste",
    "extrémistes",
    "ennemis",
    // « hommes armés », « individus armés »: decisive only on nouns without a category ("l'armée" is a noun, not listed).
    "armé",
    "armés",
    "armées",
  ].map((w): [string, Category] => [w, "attackers"]),
]);

/** Nouns that carry the metric themselves: « 12 morts », « 30 blessés », « 19 corps ». */
const METRIC_NOUNS = new Map<string, Metric>([
  ["morts", "killed"],
  ["mort", "killed"],
  ["tués", "killed"],
  ["décès", "killed"],
  ["cadavres", "killed"],
  ["corps", "killed"],
  ["dépouilles", "killed"],
  ["blessés", "injured"],
  ["blessé", "injured"],
  ["blessées", "injured"],
  ["disparus", "missing"],
]);

const THING_NOUNS = new Set(
  `véhicule véhicules camion camions bus minibus autocar autocars voiture voitures moto motos motocyclette motocyclettes engin engins
   maison maisons habitation habitations case cases bâtiment bâtiments village villages localité localités ville villes hameau hameaux
   km kilomètres kilomètre mètres mètre an ans année années mois semaine semaines jour jours heure heures minute minutes fois
   tonne tonnes dollar dollars euro euros franc francs fcfa cfa obus roquette roquettes drone drones avion avions hélicoptère
   hélicoptères arme armes fusil fusils kalachnikov kalachnikovs munitions bétail têtes bœufs boeufs vache vaches chèvre chèvres
   mouton moutons chameau chameaux âne ânes animaux attaque attaques incident incidents frappe frappes raid raids assaut assauts
   opération opérations embuscade embuscades explosion explosions mine mines eei bombe bombes groupe groupes pays région régions
   province provinces cercle cercles commune communes département départements site sites école écoles mosquée mosquées église
   églises boutique boutiques marché marchés puits pont ponts route routes axe axes poste postes base bases camp camps position
   positions kg kilos bateau bateaux pirogue pirogues tente tentes grenier greniers familles ménages foyers`
    .split(/\s+/)
    .filter(Boolean),
);

/** Demonyms: the masculine singular, and the subgroup it stands for (stored data stays English). */
const DEMONYMS = new Map<string, string>();
for (const [masculine, subgroup] of [
  ["malien", "Malian"],
  ["nigérien", "Nigerien"],
  ["nigérian", "Nigerian"],
  ["tchadien", "Chadian"],
  ["mauritanien", "Mauritanian"],
  ["sénégalais", "Senegalese"],
  ["guinéen", "Guinean"],
  ["ivoirien", "Ivorian"],
  ["ghanéen", "Ghanaian"],
  ["togolais", "Togolese"],
  ["béninois", "Beninese"],
  ["camerounais", "Cameroonian"],
  ["soudanais", "Sudanese"],
  ["libyen", "Libyan"],
  ["algérien", "Algerian"],
  ["marocain", "Moroccan"],
  ["tunisien", "Tunisian"],
  ["égyptien", "Egyptian"],
  ["français", "French"],
  ["russe", "Russian"],
  ["ukrainien", "Ukrainian"],
  ["chinois", "Chinese"],
  ["turc", "Turkish"],
  ["américain", "American"],
  ["britannique", "British"],
  ["allemand", "German"],
  ["belge", "Belgian"],
  ["canadien", "Canadian"],
  ["italien", "Italian"],
  ["espagnol", "Spanish"],
] as const) {
  const forms =
    masculine.endsWith("ien") || masculine.endsWith("éen")
      ? [masculine, `${masculine}s`, `${masculine}ne`, `${masculine}nes`]
      : masculine.endsWith("s")
        ? [masculine, `${masculine}e`, `${masculine}es`]
        : masculine.endsWith("e")
          ? [masculine, `${masculine}s`]
          : masculine === "turc"
            ? ["turc", "turcs", "turque", "turques"]
            : [masculine, `${masculine}s`, `${masculine}e`, `${masculine}es`];
  for (const f of forms) DEMONYMS.set(f, subgroup);
}
for (const f of ["burkinabè", "burkinabé", "burkinabe", "burkinabès", "burkinabés", "burkinabes"]) DEMONYMS.set(f, "Burkinabe");

const DEMOGRAPHICS = new Map<string, string>([
  ["enfant", "children"],
  ["enfants", "children"],
  ["bébés", "infants"],
  ["nourrissons", "infants"],
  ["femme", "women"],
  ["femmes", "women"],
  ["fille", "girls"],
  ["filles", "girls"],
  ["fillettes", "girls"],
  ["garçon", "boys"],
  ["garçons", "boys"],
  ["mineur", "minors"],
  ["mineurs", "minors"],
  ["homme", "men"],
  ["hommes", "men"],
  ["vieillards", "elderly"],
]);

const NEUTRAL_MODIFIERS = new Set(
  `innocents innocentes jeunes vieux âgés âgées locaux locales présumés présumées supposés différents total supplémentaires
   nouveaux nouvelles premiers premières derniers dernières non identifiés identifiées inconnus inconnues graves légers légères
   internes pauvres paisibles simples mêmes même isolés tous toutes fidèles`
    .split(/\s+/)
    .filter(Boolean),
);

const HEAD_STOPS = new Set(
  `le la les l' un une des du de d' et ou mais ni dans en à au aux par pour avec sans sur sous lors pendant après avant depuis
   selon dont qui que qu' quand où ce cette ces ceux celles ils elles leur leurs son sa ses se s' ont a été sont est était
   étaient avait avaient auraient aurait seraient serait y ne n' pas plus moins hier aujourd'hui parmi notamment entre contre
   vers chez près ainsi également aussi lorsque tandis alors dès jusqu' suite`
    .split(/\s+/)
    .filter(Boolean),
);

const LIST_CONNECTORS = phrases<"and" | "comma">([
  ["et", "and"],
  [",", "comma"],
  [", et", "and"],
  ["ainsi que", "and"],
  ["plus", "and"],
]);

/** People counted for something the vocabulary does not measure: the displaced. */
const OUTSIDE_NOUNS = new Map<string, Outside>(
  ["déplacé", "déplacés", "déplacée", "déplacées", "pdi", "réfugié", "réfugiés", "réfugiée", "réfugiées", "sinistrés"].map(
    (w): [string, Outside] => [w, "displaced"],
  ),
);

/** Frequent French words that are rare in English: language detection counts them. */
const MARKERS = new Set(
  `le la les des du de d' l' et ont été au aux dans par pour sur une un est sont selon dont tués tuées tué morts blessés
   personnes moins plus entre parmi lors attaque soldats civils militaires hommes armés qui ce cette ces leur leurs y en près
   environ bilan victimes gouvernement armée qu' n' s' ainsi également hier suite fait faisant tuant villageois`
    .split(/\s+/)
    .filter(Boolean),
);

export const FRENCH: Lexicon = {
  code: "fr",
  markers: MARKERS,
  numbers: {
    units: UNITS,
    tens: TENS,
    scales: SCALES,
    bareScales: new Set(["mille", "mil"]),
    hundreds: new Set(["cent", "cents"]),
    bareHundred: true,
    articles: new Set(["un", "une"]),
    roundCounts: ROUND_COUNTS,
    joiners: new Set(["et"]),
    tensTakingTeens: new Set([60, 80]),
    notCountSuffixes: new Set(["er", "ère", "re", "e", "è", "ème", "eme", "es", "h", "nd", "nde"]),
    pronounOne: {
      words: new Set(["un", "une"]),
      before: new Set(["chacun", "aucun"]),
      after: new Set(["à", "après", "par", "l'"]),
    },
    groupSeparators: new Set([".", " "]),
  },
  dates: { months: MONTHS, yearPrepositions: YEAR_PREPOSITIONS, rangeLinks: RANGE_LINKS },
  quantities: {
    prefixes: PREFIXES,
    rangeOpeners: phrases([
      ["entre", "et"],
      ["de", "à"],
    ]),
    countRangeLinks: new Set(["à", "-", "–", "—", "ou"]),
    conventions: CONVENTIONS,
    conventionLeads: CONVENTION_LEADS,
    conventionExclusions: CONVENTION_EXCLUSIONS,
    vague: VAGUE,
    same: SAME,
    relative: RELATIVE,
  },
  metrics: {
    predicates: PREDICATES,
    predicateFillers: PREDICATE_FILLERS,
    asideOpeners: ASIDE_OPENERS,
    triggers: TRIGGERS,
    triggerFillers: TRIGGER_FILLERS,
    breakdownMarkers: BREAKDOWN_MARKERS,
  },
  heads: {
    personNouns: PERSON_NOUNS,
    categoryAdjectives: CATEGORY_ADJECTIVES,
    metricNouns: METRIC_NOUNS,
    metricParticiples: new Map(),
    nominalParticiples: new Set(["morts", "tués", "blessés", "blessées", "disparus", "disparues"]),
    thingNouns: THING_NOUNS,
    demonyms: DEMONYMS,
    demonymsCapitalised: false,
    foreign: new Map([
      ["étranger", true],
      ["étrangers", true],
      ["étrangère", true],
      ["étrangères", true],
    ]),
    demographics: DEMOGRAPHICS,
    neutralModifiers: NEUTRAL_MODIFIERS,
    headStops: HEAD_STOPS,
    coordinators: new Set(["et", "ou"]),
    partitives: phrases([
      ["de", true],
      ["d'", true],
      ["des", true],
      ["du", true],
      ["d' entre", true],
      ["parmi", true],
    ]),
    partitiveDeterminers: new Set(["les", "ces", "ses", "leurs", "nos"]),
    partitivePronouns: new Set(["eux", "elles", "lesquels", "lesquelles", "nous"]),
    compoundNouns: COMPOUND_NOUNS,
    memberNouns: new Set(["membres", "membre", "éléments", "élément"]),
    ageLeads: phrases([
      ["âgés de", true],
      ["âgées de", true],
      ["âgé de", true],
      ["âgée de", true],
      ["âge de", true],
    ]),
    adjectivesFollowNoun: true,
    outsideNouns: OUTSIDE_NOUNS,
  },
  listConnectors: LIST_CONNECTORS,
};
