// The English lexicon of the statement parser (see lexicon.ts for its shape).
import type { Category, Metric } from "../vocabularies";
import { phrases, type BreakdownMarker, type Convention, type Lexicon, type MetricWord, type PersonClass, type Prefix } from "./lexicon";
import type { Outside } from "./reasons";

// ───────────────────────────── numbers ─────────────────────────────

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

// ───────────────────────────── dates ─────────────────────────────

const MONTHS = new Set([
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
]);
/** Words after which a four-digit number is a year ("in 2022", "since 2012"). */
const YEAR_PREPOSITIONS = new Set([
  "in",
  "since",
  "until",
  "till",
  "by",
  "from",
  "during",
  "of",
  "before",
  "after",
  "early",
  "late",
  "mid",
  "circa",
  "throughout",
  "between",
  "and",
  "to",
  "year",
]);
const RANGE_LINKS = new Set(["and", "to", "-", "–", "—", "or"]);
/** "25 to 30", "two or three" — not "and": "13 Malians and 21 foreigners" is a list. */
const COUNT_RANGE_LINKS = new Set(["to", "-", "–", "—", "or"]);

// ───────────────────────────── quantities ─────────────────────────────

const PREFIXES = phrases<Prefix>([
  ["at least", { qualifier: "at_least" }],
  ["no fewer than", { qualifier: "at_least" }],
  ["no less than", { qualifier: "at_least" }],
  ["not less than", { qualifier: "at_least" }],
  ["a minimum of", { qualifier: "at_least" }],
  ["upwards of", { qualifier: "at_least" }],
  ["more than", { qualifier: "more_than" }],
  ["over", { qualifier: "more_than" }],
  ["well over", { qualifier: "more_than" }],
  ["just over", { qualifier: "more_than" }],
  ["in excess of", { qualifier: "more_than" }],
  ["greater than", { qualifier: "more_than" }],
  ["up to", { qualifier: "at_most" }],
  ["at most", { qualifier: "at_most" }],
  ["as many as", { qualifier: "at_most" }],
  ["no more than", { qualifier: "at_most" }],
  ["not more than", { qualifier: "at_most" }],
  ["a maximum of", { qualifier: "at_most" }],
  ["fewer than", { qualifier: "at_most", exclusive: true }],
  ["less than", { qualifier: "at_most", exclusive: true }],
  ["under", { qualifier: "at_most", exclusive: true }],
  // Rule 1 keeps the stated number for approximations ("nearly 20" → [20,20] approximately):
  // the qualifier carries the uncertainty, the editor may widen it.
  ["about", { qualifier: "approximately" }],
  ["around", { qualifier: "approximately" }],
  ["approximately", { qualifier: "approximately" }],
  ["approx", { qualifier: "approximately" }],
  ["approx .", { qualifier: "approximately" }],
  ["roughly", { qualifier: "approximately" }],
  ["nearly", { qualifier: "approximately" }],
  ["almost", { qualifier: "approximately" }],
  ["close to", { qualifier: "approximately" }],
  ["just under", { qualifier: "approximately" }],
  ["some", { qualifier: "approximately" }],
  ["an estimated", { qualifier: "approximately" }],
  ["estimated", { qualifier: "approximately" }],
  ["circa", { qualifier: "approximately" }],
]);

/** ACLED's conservative conventions (docs/architecture.md, "Reconciliation rules" 1): a lower bound, open above. */
const CONVENTIONS: Record<string, Convention> = {
  tens: { value: 10, needsNext: "of" },
  dozens: { value: 12 },
  dozen: { value: 12, needsLead: true },
  hundreds: { value: 100 },
  hundred: { value: 100, needsLead: true },
};
const CONVENTION_EXCLUSIONS = phrases<true>([
  ["hundreds of thousands", true],
  ["tens of thousands", true],
]);
/** Words that may precede a convention word without changing it: "several dozen" is still "dozens". */
const CONVENTION_LEADS = phrases<true>([
  ["several", true],
  ["many", true],
  ["a few", true],
]);

const VAGUE = phrases<true>([
  ["several", true],
  ["many", true],
  ["a few", true],
  ["few", true],
  ["numerous", true],
  ["some", true],
  ["a number of", true],
  ["a large number of", true],
  ["a significant number of", true],
  ["a high number of", true],
  ["an unknown number of", true],
  ["an undetermined number of", true],
  ["a handful of", true],
  ["a couple of", true],
  ["countless", true],
  ["multiple", true],
  ["scores", true],
  ["thousands", true],
  ["tens of thousands", true],
  ["hundreds of thousands", true],
  ["several thousand", true],
  ["a few thousand", true],
]);
const SAME = phrases<true>([
  ["the same number", true],
  ["an equal number", true],
  ["as many", true],
]);
const RELATIVE = phrases<true>([
  ["a similar number", true],
  ["a comparable number", true],
  ["a similar toll", true],
  ["twice as many", true],
  ["half as many", true],
  ["twice that number", true],
  ["double that number", true],
]);

// ───────────────────────────── metrics ─────────────────────────────

/** Predicates that follow the counted noun: "were killed", "lost their lives". */
const PREDICATES = phrases<MetricWord>([
  ["killed", { metric: "killed" }],
  ["dead", { metric: "killed" }],
  ["died", { metric: "killed" }],
  ["perished", { metric: "killed" }],
  ["lost their lives", { metric: "killed" }],
  ["lost their life", { metric: "killed" }],
  ["massacred", { metric: "killed" }],
  ["executed", { metric: "killed" }],
  ["slain", { metric: "killed" }],
  ["murdered", { metric: "killed" }],
  ["shot dead", { metric: "killed" }],
  ["beheaded", { metric: "killed" }],
  ["found dead", { metric: "killed" }],
  ["confirmed dead", { metric: "killed" }],
  ["slaughtered", { metric: "killed" }],
  ["succumbed", { metric: "killed" }],
  ["among the dead", { metric: "killed" }],
  ["burned to death", { metric: "killed" }],
  ["injured", { metric: "injured" }],
  ["wounded", { metric: "injured" }],
  ["hurt", { metric: "injured" }],
  ["sustained injuries", { metric: "injured" }],
  ["suffered injuries", { metric: "injured" }],
  ["killed or injured", { metric: "killed_or_injured" }],
  ["killed or wounded", { metric: "killed_or_injured" }],
  ["killed or hurt", { metric: "killed_or_injured" }],
  ["dead or injured", { metric: "killed_or_injured" }],
  ["dead or wounded", { metric: "killed_or_injured" }],
  ["casualties", { metric: "killed_or_injured" }],
  ["killed and injured", "ki-and"],
  ["killed and wounded", "ki-and"],
  ["killed and hurt", "ki-and"],
  ["dead and injured", "ki-and"],
  ["dead and wounded", "ki-and"],
  ["missing", { metric: "missing" }],
  ["unaccounted for", { metric: "missing" }],
  ["disappeared", { metric: "missing" }],
  ["abducted", { metric: "abducted" }],
  ["kidnapped", { metric: "abducted" }],
  ["taken hostage", { metric: "abducted" }],
  ["held hostage", { metric: "abducted" }],
  ["taken captive", { metric: "abducted" }],
  ["neutralized", "neutralized"],
  ["neutralised", "neutralized"],
  ["put out of action", "neutralized"],
  // The military's words for killing, as their communiqués use them.
  ["eliminated", { metric: "killed" }],
  ["liquidated", { metric: "killed" }],
  ["taken out", { metric: "killed" }],
  ["wiped out", { metric: "killed" }],
  ["killed in action", { metric: "killed" }],
  ["drowned", { metric: "killed" }],
  ["feared dead", { metric: "killed" }],
  ["presumed dead", { metric: "killed" }],
  ["badly injured", { metric: "injured" }],
  ["seriously injured", { metric: "injured" }],
  ["seriously wounded", { metric: "injured" }],
  ["critically injured", { metric: "injured" }],
  ["gone missing", { metric: "missing" }],
  ["went missing", { metric: "missing" }],
  ["seized", { metric: "abducted" }],
  ["carried off", { metric: "abducted" }],
  ["taken away", { metric: "abducted" }],
  // Not casualty metrics: refused with a reason rather than ignored or misread.
  ["displaced", { outside: "displaced" }],
  ["fled", { outside: "displaced" }],
  ["forced to flee", { outside: "displaced" }],
  ["forced from their homes", { outside: "displaced" }],
  ["uprooted", { outside: "displaced" }],
  ["made homeless", { outside: "displaced" }],
  ["arrested", { outside: "detained" }],
  ["detained", { outside: "detained" }],
  ["captured", { outside: "detained" }],
  ["taken prisoner", { outside: "detained" }],
  ["taken into custody", { outside: "detained" }],
]);

/** Words allowed between the counted noun and its predicate: "had been reportedly killed". */
const PREDICATE_FILLERS = new Set([
  "were",
  "was",
  "are",
  "is",
  "be",
  "been",
  "being",
  "had",
  "have",
  "has",
  "having",
  "got",
  "get",
  "reportedly",
  "allegedly",
  "reported",
  "confirmed",
  "said",
  "believed",
  "may",
  "might",
  "could",
  "would",
  "must",
  "will",
  "likely",
  "probably",
  "possibly",
  "presumably",
  "understood",
  "known",
  "feared",
  "estimated",
  "seen",
  "thought",
  "presumed",
  "also",
  "all",
  "both",
  "later",
  "subsequently",
  "eventually",
  "apparently",
  "initially",
  "officially",
  "now",
  "still",
  "then",
  "to",
  "either",
  "remain",
  "remained",
  "remains",
  "went",
  '"',
  "“",
  "”",
  "'",
]);
/** After a comma, these open an aside that the predicate search skips: "34 civilians, including …, were killed". */
const ASIDE_OPENERS = new Set(["including", "among", "of", "mostly", "mainly", "many", "most", "primarily", "according", "per", "incl"]);

/** Triggers that come before the count: "killing 34", "the death of 25". */
const TRIGGERS = phrases<MetricWord>([
  ["killing", { metric: "killed" }],
  ["killed", { metric: "killed" }],
  ["kills", { metric: "killed" }],
  ["kill", { metric: "killed" }],
  ["the death of", { metric: "killed" }],
  ["death of", { metric: "killed" }],
  ["the deaths of", { metric: "killed" }],
  ["deaths of", { metric: "killed" }],
  ["the killing of", { metric: "killed" }],
  ["killing of", { metric: "killed" }],
  ["the killings of", { metric: "killed" }],
  ["the massacre of", { metric: "killed" }],
  ["massacre of", { metric: "killed" }],
  ["massacred", { metric: "killed" }],
  ["massacring", { metric: "killed" }],
  ["executed", { metric: "killed" }],
  ["executing", { metric: "killed" }],
  ["murdered", { metric: "killed" }],
  ["murdering", { metric: "killed" }],
  ["slaughtered", { metric: "killed" }],
  ["slaughtering", { metric: "killed" }],
  ["shot dead", { metric: "killed" }],
  ["claimed the lives of", { metric: "killed" }],
  ["claiming the lives of", { metric: "killed" }],
  ["took the lives of", { metric: "killed" }],
  ["taking the lives of", { metric: "killed" }],
  ["the bodies of", { metric: "killed" }],
  ["bodies of", { metric: "killed" }],
  ["death toll of", { metric: "killed" }],
  ["death toll to", { metric: "killed" }],
  ["death toll at", { metric: "killed" }],
  ["death toll rose to", { metric: "killed" }],
  ["death toll climbed to", { metric: "killed" }],
  ["death toll stands at", { metric: "killed" }],
  ["death toll stood at", { metric: "killed" }],
  ["death toll reached", { metric: "killed" }],
  ["death toll is", { metric: "killed" }],
  ["death toll was", { metric: "killed" }],
  ["death toll :", { metric: "killed" }],
  ["injuring", { metric: "injured" }],
  ["injured", { metric: "injured" }],
  ["injures", { metric: "injured" }],
  ["wounding", { metric: "injured" }],
  ["wounded", { metric: "injured" }],
  ["wounds", { metric: "injured" }],
  ["hurting", { metric: "injured" }],
  ["injury of", { metric: "injured" }],
  ["the injury of", { metric: "injured" }],
  ["injuries to", { metric: "injured" }],
  ["the wounding of", { metric: "injured" }],
  ["killing or injuring", { metric: "killed_or_injured" }],
  ["killing or wounding", { metric: "killed_or_injured" }],
  ["killed or injured", { metric: "killed_or_injured" }],
  ["killed or wounded", { metric: "killed_or_injured" }],
  ["killing and injuring", "ki-and"],
  ["killing and wounding", "ki-and"],
  ["killed and injured", "ki-and"],
  ["killed and wounded", "ki-and"],
  ["abducting", { metric: "abducted" }],
  ["abducted", { metric: "abducted" }],
  ["kidnapping", { metric: "abducted" }],
  ["kidnapped", { metric: "abducted" }],
  ["the abduction of", { metric: "abducted" }],
  ["abduction of", { metric: "abducted" }],
  ["the kidnapping of", { metric: "abducted" }],
  ["the disappearance of", { metric: "missing" }],
  ["neutralized", "neutralized"],
  ["neutralised", "neutralized"],
  ["neutralizing", "neutralized"],
  ["neutralising", "neutralized"],
  ["put out of action", "neutralized"],
  // The military's words for killing: "the army eliminated 30 terrorists".
  ["eliminated", { metric: "killed" }],
  ["eliminating", { metric: "killed" }],
  ["lost", { metric: "killed" }], // "the army lost 12 soldiers"
  ["liquidated", { metric: "killed" }],
  ["took out", { metric: "killed" }],
  ["taking out", { metric: "killed" }],
  ["wiped out", { metric: "killed" }],
  ["gunned down", { metric: "killed" }],
  ["shooting dead", { metric: "killed" }],
  ["shot and killed", { metric: "killed" }],
  ["beheading", { metric: "killed" }],
  ["beheaded", { metric: "killed" }],
  ["seized", { metric: "abducted" }],
  ["seizing", { metric: "abducted" }],
  ["took hostage", { metric: "abducted" }],
  ["taking hostage", { metric: "abducted" }],
  // Not casualty metrics: "displacing 5,000 people", "arrested 12 suspects".
  ["displacing", { outside: "displaced" }],
  ["displaced", { outside: "displaced" }],
  ["the displacement of", { outside: "displaced" }],
  ["displacement of", { outside: "displaced" }],
  ["arrested", { outside: "detained" }],
  ["arresting", { outside: "detained" }],
  ["detained", { outside: "detained" }],
  ["captured", { outside: "detained" }],
  ["capturing", { outside: "detained" }],
]);
/** Words a trigger may be separated from its count by: "killing a total of 34", "killed another 5". */
const TRIGGER_FILLERS = phrases<true>([
  ["a total of", true],
  ["another", true],
  ["an additional", true],
  ["a further", true],
  ['"', true],
  ["“", true],
]);

const BREAKDOWN_MARKERS = phrases<BreakdownMarker>(buildBreakdownMarkers());
function buildBreakdownMarkers(): Array<[string, BreakdownMarker]> {
  const entries: Array<[string, BreakdownMarker]> = [
    ["including", { metric: null, hasTotal: true }],
    ["among them", { metric: null, hasTotal: true }],
    ["among whom", { metric: null, hasTotal: true }],
    ["of whom", { metric: null, hasTotal: true }],
    ["of them", { metric: null, hasTotal: true }],
  ];
  // "Among the deceased were …", "The dead included …": a breakdown without a stated total.
  const groups: Array<[string, { metric: Metric } | null]> = [
    ["deceased", { metric: "killed" }],
    ["dead", { metric: "killed" }],
    ["killed", { metric: "killed" }],
    ["fatalities", { metric: "killed" }],
    ["injured", { metric: "injured" }],
    ["wounded", { metric: "injured" }],
    ["missing", { metric: "missing" }],
    ["abducted", { metric: "abducted" }],
    ["victims", null],
  ];
  for (const [group, metric] of groups) {
    for (const det of ["the", "those"]) {
      for (const verb of ["were", "was", "are", "is", "included", "include", ":"]) {
        entries.push([`among ${det} ${group} ${verb}`, { metric, hasTotal: false }]);
      }
    }
    for (const verb of ["included", "include", "includes"]) entries.push([`the ${group} ${verb}`, { metric, hasTotal: false }]);
  }
  return entries;
}

// ───────────────────────────── heads (what was counted) ─────────────────────────────

const PERSON_NOUNS = new Map<string, PersonClass>();
function addNouns(cls: PersonClass, words: string): void {
  for (const w of words.split(" ")) PERSON_NOUNS.set(w, cls);
}
addNouns(
  "civilians",
  "civilian civilians villager villagers miner miners trader traders merchant merchants vendor vendors passenger passengers " +
    "resident residents inhabitant inhabitants child children kid kids infant infants baby babies woman women girl girls boy boys " +
    "minor minors student students pupil pupils teacher teachers farmer farmers herder herders herdsman herdsmen fisherman fishermen " +
    "worshipper worshippers worshiper worshipers pilgrim pilgrims shopper shoppers patient patients journalist journalists " +
    "worker workers doctor doctors nurse nurses driver drivers traveller travellers traveler travelers commuter commuters " +
    "non-combatants noncombatants elderly schoolgirls schoolboys schoolchildren " +
    "mourner mourners guest guests wedding-goers churchgoers congregants imam imams priest priests pastor pastors cleric clerics " +
    "chief chiefs elder elders notable notables pastoralist pastoralists cattle-herders shopkeeper shopkeepers hawker hawkers " +
    "labourer labourers laborer laborers humanitarian humanitarians aid-workers volunteer volunteers returnee returnees migrant migrants " +
    "motorist motorists pedestrian pedestrians bystander bystanders spectator spectators customer customers fan fans " +
    "relative relatives locals gold-miners gold-panners prospectors orpailleurs",
);
// Peacekeepers count with security forces: the vocabulary has no separate class for them.
addNouns(
  "security_forces",
  "soldier soldiers troop troops trooper troopers serviceman servicemen servicemembers policeman policemen police " +
    "officer officers gendarme gendarmes guard guards peacekeeper peacekeepers forces recruits conscripts vdp " +
    "airman airmen marine marines paratrooper paratroopers commando commandos sailor sailors legionnaire legionnaires " +
    "fama fds servicemen gendarmerie-officers customs-officers " +
    // Pro-government self-defence groups of the Sahel, counted with the forces they fight beside.
    "dozo dozos vigilantes",
);
addNouns(
  "attackers",
  "militant militants jihadist jihadists jihadi jihadis terrorist terrorists assailant assailants attacker attackers " +
    "insurgent insurgents gunman gunmen rebel rebels extremist extremists bandit bandits islamists bomber bombers raider raiders kidnappers " +
    "abductor abductors separatist separatists assailant gunmen",
);
addNouns(
  null,
  "people person persons individual individuals man men adult adults national nationals foreigner foreigners personnel " +
    "hostage hostages captive captives prisoner prisoners detainee detainees " +
    // Peoples of the Sahel: "jihadists killed 12 Fulani" counts people of no stated category.
    "fulani fulanis peul peuls peulh peulhs dogon dogons tuareg tuaregs touareg touaregs songhai songhay bambara bambaras " +
    "hausa mossi mossis dioula arab arabs",
);
addNouns("others", "others");
addNouns("victims", "victim victims");
// Whose side these were on depends on the conflict: the editor decides.
addNouns("side?", "fighter fighters combatant combatants militiaman militiamen militia militias mercenary mercenaries");

/** Adjectives that state a category ("civilian deaths", "terrorist bodies", "pro-government militia"). */
const CATEGORY_ADJECTIVES = new Map<string, Category>([
  ["civilian", "civilians"],
  ["military", "security_forces"],
  ["army", "security_forces"],
  ["security", "security_forces"],
  ["government", "security_forces"],
  ["pro-government", "security_forces"],
  ["government-backed", "security_forces"],
  ["state-backed", "security_forces"],
  ["allied", "security_forces"],
  ["police", "security_forces"],
  ["terrorist", "attackers"],
  ["jihadist", "attackers"],
  ["jihadi", "attackers"],
  ["militant", "attackers"],
  ["insurgent", "attackers"],
  ["rebel", "attackers"],
  ["extremist", "attackers"],
  ["islamist", "attackers"],
  ["armed", "attackers"], // only decisive on nouns without a category: "armed men"
]);

/** Head nouns that carry the metric themselves: "34 civilian deaths", "19 terrorist bodies". */
const METRIC_NOUNS = new Map<string, Metric>([
  ["deaths", "killed"],
  ["death", "killed"],
  ["fatalities", "killed"],
  ["fatality", "killed"],
  ["bodies", "killed"],
  ["corpses", "killed"],
  ["casualties", "killed_or_injured"],
  ["casualty", "killed_or_injured"],
  ["injuries", "injured"],
  ["injury", "injured"],
]);
/** Participles that, placed before a person noun, act as a metric adjective: "three wounded soldiers". */
const METRIC_PARTICIPLES = new Map<string, Metric>([
  ["killed", "killed"],
  ["dead", "killed"],
  ["injured", "injured"],
  ["wounded", "injured"],
  ["missing", "missing"],
  ["abducted", "abducted"],
  ["kidnapped", "abducted"],
]);

/** Counted things that are not people: their numbers are never casualty figures. */
const THING_NOUNS = new Set(
  (
    "vehicle vehicles truck trucks bus buses minibus minibuses van vans car cars motorcycle motorcycles motorbike motorbikes " +
    "house houses home homes building buildings village villages town towns km kilometres kilometers kilometre kilometer mile miles " +
    "metre metres meter meters year years month months week weeks day days hour hours minute minutes time times percent " +
    "ton tons tonne tonnes dollar dollars euro euros franc francs cfa round rounds shell shells rocket rockets mortar mortars " +
    "drone drones aircraft plane planes helicopter helicopters weapon weapons gun guns rifle rifles cattle camel camels " +
    "goat goats sheep cow cows animal animals livestock head attack attacks incident incidents strike strikes raid raids " +
    "event events occasion occasions report reports source sources group groups country countries region regions province " +
    "provinces district districts commune communes site sites school schools mosque mosques church churches shop shops " +
    "market markets well wells bridge bridges road roads checkpoint checkpoints base bases camp camps position positions " +
    "kg kilograms boat boats tent tents explosion explosions bomb bombs ied ieds mine mines"
  ).split(" "),
);

/** Nationality adjectives, as written in a subgroup. Plurals ("Malians") are derived. */
const DEMONYMS = new Map<string, string>();
for (const d of (
  "Malian Nigerien Nigerian Burkinabe Chadian Mauritanian Senegalese Guinean Ivorian Ghanaian Togolese Beninese " +
  "Cameroonian Sudanese Somali Ethiopian Eritrean Kenyan Ugandan Rwandan Burundian Congolese Tanzanian Mozambican " +
  "Libyan Algerian Moroccan Tunisian Egyptian French British American Russian Ukrainian Chinese Turkish Syrian Iraqi " +
  "Iranian Afghan Pakistani Indian Israeli Palestinian Lebanese Yemeni Saudi Jordanian German Italian Spanish Belgian " +
  "Dutch Canadian Colombian Mexican"
).split(" ")) {
  DEMONYMS.set(d.toLowerCase(), d);
  if (!/(ese|ch|sh)$/.test(d)) DEMONYMS.set(`${d.toLowerCase()}s`, d);
}
DEMONYMS.set("burkinabè", "Burkinabe");
DEMONYMS.set("burkinabès", "Burkinabe");

/** Age/sex groups usable as a subgroup inside a breakdown ("including 10 children"). */
const DEMOGRAPHICS = new Map<string, string>([
  ["child", "children"],
  ["children", "children"],
  ["kids", "children"],
  ["infants", "infants"],
  ["babies", "infants"],
  ["woman", "women"],
  ["women", "women"],
  ["girl", "girls"],
  ["girls", "girls"],
  ["boy", "boys"],
  ["boys", "boys"],
  ["minor", "minors"],
  ["minors", "minors"],
  ["man", "men"],
  ["men", "men"],
  ["elderly", "elderly"],
]);

/** Modifiers that say nothing about who was counted: skipped quietly. */
const NEUTRAL_MODIFIERS = new Set([
  "other",
  "more",
  "additional",
  "further",
  "innocent",
  "unarmed",
  "young",
  "old",
  "local",
  "gold",
  "artisanal",
  "alleged",
  "suspected",
  "presumed",
  "fellow",
  "male",
  "female",
  "total",
  "separate",
  "different",
  "individual",
  "small-scale",
  "internally",
  "wedding",
  "funeral",
  "market",
  "bus",
  "school",
  "family",
  "aid",
  "health",
  "unidentified",
  "unknown",
  "heavily",
]);

/** People counted for something the vocabulary does not measure: displacement. */
const OUTSIDE_NOUNS = new Map<string, Outside>([
  ["displaced", "displaced"],
  ["idp", "displaced"],
  ["idps", "displaced"],
  ["refugee", "displaced"],
  ["refugees", "displaced"],
  ["evacuees", "displaced"],
  ["asylum-seekers", "displaced"],
]);

/** Words that end a noun phrase. */
const HEAD_STOPS = new Set(
  (
    "a an the and or but nor in on at to from by with without for per near during after before since until while when as than " +
    "that which who whom whose where were was are is be been being had have has will would could should may might must can did do " +
    "does also reportedly allegedly including among mostly mainly all both each yesterday today overnight tonight according last this " +
    "these those there here it its they them their he she his her not no only just so such into onto across along inside outside " +
    "out up down off over under around about through against between toward towards within behind beyond amid according per " +
    "remain remained remains still"
  ).split(" "),
);

/** Connectors that make two counts members of one list. */
const LIST_CONNECTORS = phrases<"and" | "comma">([
  ["and", "and"],
  [",", "comma"],
  [", and", "and"],
  ["as well as", "and"],
  ["plus", "and"],
]);

/** Frequent English words that are rare in French: language detection counts them. */
const MARKERS = new Set(
  (
    "the of and were was in at least by with killed people have has been said that from this they their who after attack " +
    "soldiers civilians wounded injured dead more than about according including among between reported army police armed men " +
    "gunmen were is are had killing injuring died over around nearly some several dozens hundreds others was been being of"
  ).split(" "),
);

export const ENGLISH: Lexicon = {
  code: "en",
  markers: MARKERS,
  numbers: {
    units: UNITS,
    tens: TENS,
    scales: SCALES,
    bareScales: new Set(),
    hundreds: new Set(["hundred"]),
    bareHundred: false,
    articles: new Set(["a", "an"]),
    roundCounts: { dozen: 12 },
    joiners: new Set(["and"]),
    tensTakingTeens: new Set(),
    notCountSuffixes: new Set(["st", "nd", "rd", "th"]),
    pronounOne: {
      words: new Set(["one"]),
      before: new Set(["no", "any", "every", "each", "the", "this", "that", "which"]),
      after: new Set(["another", "by", "after"]),
    },
    groupSeparators: new Set(),
  },
  dates: { months: MONTHS, yearPrepositions: YEAR_PREPOSITIONS, rangeLinks: RANGE_LINKS },
  quantities: {
    prefixes: PREFIXES,
    rangeOpeners: phrases([
      ["between", "and"],
      ["from", "to"],
    ]),
    countRangeLinks: COUNT_RANGE_LINKS,
    conventions: CONVENTIONS,
    conventionExclusions: CONVENTION_EXCLUSIONS,
    conventionLeads: CONVENTION_LEADS,
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
    metricParticiples: METRIC_PARTICIPLES,
    nominalParticiples: new Set(), // "34 dead" has no noun at all: it already refers back
    thingNouns: THING_NOUNS,
    demonyms: DEMONYMS,
    demonymsCapitalised: true,
    foreign: new Map([
      ["foreign", false],
      ["foreigner", true],
      ["foreigners", true],
    ]),
    demographics: DEMOGRAPHICS,
    neutralModifiers: NEUTRAL_MODIFIERS,
    headStops: HEAD_STOPS,
    coordinators: new Set(["and", "or"]),
    partitives: phrases([["of", true]]),
    partitiveDeterminers: new Set(["the", "these", "those"]),
    partitivePronouns: new Set(["them", "whom", "us"]),
    compoundNouns: phrases<PersonClass>([
      ["hostage takers", "attackers"],
      ["hostage-takers", "attackers"],
      ["gold panners", "civilians"],
      ["self-defence militia", "side?"],
      ["self-defense militia", "side?"],
      ["blue helmets", "security_forces"],
    ]),
    memberNouns: new Set(["members", "member"]),
    ageLeads: phrases([
      ["aged", true],
      ["age", true],
      ["ages", true],
    ]),
    adjectivesFollowNoun: false,
    outsideNouns: OUTSIDE_NOUNS,
  },
  listConnectors: LIST_CONNECTORS,
};
