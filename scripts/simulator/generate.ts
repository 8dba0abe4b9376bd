// Generates realistic Altibbi consultations and the webhooks Altibbi sends about them: members
// with insurance ids and policy numbers, the four-step lifecycle with realistic gaps, and for
// most a recommendation (drugs, ICD-10 codes, labs, referral, follow-ups, notes in English or
// Arabic, dispense block), now and then revised. Pure: the same options give the same stream.
import { conditions, icd10, labs, panels, referrals, type Condition, type Icd10Code } from "./catalog-conditions";
import { drugs, type DrugEntry, type DrugKey } from "./catalog-drugs";
import { diagnosisNotes, doctorNotes, drugNotes, followUps, labNotes, type Note } from "./catalog-notes";
import { createRandom, type Random } from "./random";

export const lifecycle = ["new", "checking_medical_profile", "in_progress", "closed"] as const;
export type LifecycleStatus = (typeof lifecycle)[number];

type Identifier = string | number | null;
type Member = { userId: number | string; insuranceId: Identifier; policyNumber: Identifier };

export type StatusUpdateBody = {
  type: "status_update";
  consultation_id: number;
  user_id: number | string;
  insurance_id: Identifier;
  policy_number: Identifier;
  old_status: LifecycleStatus | null;
  new_status: LifecycleStatus;
  datetime: string;
};

export type DrugBody = {
  name: string;
  tradeName: string;
  strengthValue: string | null;
  packageType: string;
  packageSize: string;
  dosage: string;
  dosageUnit: string;
  routeOfAdministration: string;
  dosageForm: string;
  frequency: string;
  duration: number;
  specialInstructions: string | null;
  relationWithFood: string;
  howToUse: string | null;
};

export type RecommendationBody = {
  type: "recommendation_data";
  consultation_id: number;
  user_id: number | string;
  insurance_id?: Identifier;
  policy_number?: Identifier;
  data: {
    icd10: { symptom: { name: string; code: string }[]; diagnosis: { name: string; code: string }[] };
    drug: { fdaDrug: DrugBody[] };
    lab?: { lab: { name: string }[]; panel?: { name: string }[] } | null;
    doctorReferral?: { name: string } | null;
    followUp: { name: string }[];
    postCallAnswer: { question: string; answer: string }[];
    dispense: { url: string; pass_code: number | string; qr_code: string };
  };
  datetime: string;
};

export type WebhookBody = StatusUpdateBody | RecommendationBody;

/** One webhook Altibbi sends, with its event time in UTC microseconds for ordering. */
export type SimEvent = { consultationId: number; eventMicros: number; body: WebhookBody };

export type SimConsultation = {
  id: number;
  events: SimEvent[];
  /** The new_status of its latest status event (null when it sent none, which never happens here). */
  finalStatus: LifecycleStatus | null;
  /** Distinct recommendation versions (0, 1 or 2). */
  recommendations: number;
};

export type GenerateOptions = {
  seed: number;
  consultations: number;
  /** Consultation id of the first consultation; the others follow it. */
  firstId: number;
  /** Event times end here: the newest consultations are still open at this time. */
  until: Date;
  /** Mean time between two consultations starting (default 90 s). */
  meanGapSeconds?: number;
};

const second = 1_000_000; // microseconds
const minute = 60 * second;

/** RFC 3339 with microseconds, in UTC (`Z`) or at a fixed offset such as +03:00. */
export function formatEventTime(us: number, offsetMinutes = 0): string {
  const local = new Date(Math.floor(us / 1000) + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const micros = String(us % second).padStart(6, "0");
  if (offsetMinutes === 0) return `${local}.${micros}Z`;
  const sign = offsetMinutes > 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  return `${local}.${micros}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function pickWeighted(random: Random, items: readonly Condition[]): Condition {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let roll = random.next() * total;
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]!;
}

function policyNumber(random: Random): Identifier {
  switch (random.int(0, 4)) {
    case 0:
      return `NAT-${random.int(2022, 2026)}-${String(random.int(1, 999_999)).padStart(6, "0")}`;
    case 1:
      return `GIG/JO/${random.int(22, 26)}/${String(random.int(1, 99_999)).padStart(5, "0")}`;
    case 2:
      return `${random.int(1000, 9999)}-${String(random.int(0, 99_999)).padStart(5, "0")}`;
    case 3:
      return String(random.int(1_000_000, 9_999_999));
    default:
      return random.int(100_000, 999_999); // some insurers' systems send it as a number
  }
}

function createMember(random: Random): Member {
  const userId = random.int(100_000, 9_999_999);
  const insuranceDigits = String(random.int(1_000_000_000, 9_999_999_999));
  return {
    userId: random.chance(0.1) ? String(userId) : userId,
    insuranceId: random.chance(0.1) ? Number(insuranceDigits) : insuranceDigits,
    policyNumber: policyNumber(random),
  };
}

const icdEntry = (code: Icd10Code) => ({ name: icd10[code], code });

function drugBody(random: Random, entry: DrugEntry): DrugBody {
  const [shortest, longest] = entry.days;
  return {
    name: entry.name,
    tradeName: entry.tradeName,
    strengthValue: entry.strengthValue,
    packageType: entry.packageType,
    packageSize: entry.packageSize,
    dosage: entry.dosage,
    dosageUnit: entry.dosageUnit,
    routeOfAdministration: entry.routeOfAdministration,
    dosageForm: entry.dosageForm,
    frequency: random.pick(entry.frequencies),
    duration: random.int(shortest, longest),
    specialInstructions: entry.specialInstructions ?? null,
    relationWithFood: entry.relationWithFood ?? "",
    howToUse: entry.howToUse ?? null,
  };
}

/** Extra drugs a doctor often adds whatever the diagnosis (to reach up to six). */
const extras: readonly DrugKey[] = ["panadol", "vitaminD", "losec", "zyrtec", "folicAcid"];

function prescribe(random: Random, condition: Condition): DrugBody[] {
  const count = Math.min(condition.drugs.length, random.chance(0.25) ? 1 : random.int(2, 4));
  const keys = random.sample(condition.drugs, count);
  if (random.chance(0.15)) {
    for (const key of random.sample(extras, random.int(1, 2))) if (!keys.includes(key) && keys.length < 6) keys.push(key);
  }
  return keys.map((key) => drugBody(random, drugs[key]));
}

type Language = "en" | "ar" | "mixed";
const say = (random: Random, note: Note, language: Language) =>
  language === "mixed" ? (random.chance(0.5) ? note.en : note.ar) : note[language];

const secret = (random: Random) => random.token(27);

function dispense(random: Random) {
  const url = `https://web.altibbi.com/prescription/${secret(random)}`;
  // Pass codes are numeric; now and then one starts with a zero, which only text keeps.
  const passCode = random.chance(0.1) ? `0${random.int(100, 999)}` : random.int(1000, 9999);
  return { url, pass_code: passCode, qr_code: `https://services.altibbi.com/qr/${encodeURIComponent(url)}` };
}

function recommendationData(random: Random, condition: Condition, language: Language): RecommendationBody["data"] {
  const symptoms = random.sample(condition.symptoms, random.int(1, condition.symptoms.length)).map(icdEntry);
  const diagnosis = [icdEntry(condition.diagnosis)];
  if (random.chance(0.08) && condition.diagnosis !== "I10") diagnosis.push(icdEntry("I10"));
  const labNames = random.sample(condition.labs, random.int(0, condition.labs.length)).map((key) => ({ name: labs[key] }));
  const panelNames = (condition.panels ?? []).filter(() => random.chance(0.6)).map((key) => ({ name: panels[key] }));
  const hasLabs = labNames.length > 0 || panelNames.length > 0;
  const answers: { question: string; answer: string }[] = [
    { question: "doctor_notes", answer: say(random, random.pick(doctorNotes), language) },
    { question: "symptoms", answer: say(random, condition.complaint, language) },
    { question: "diagnosis", answer: say(random, random.pick(diagnosisNotes), language) },
    { question: "fda_drug", answer: say(random, random.pick(drugNotes), language) },
  ];
  if (hasLabs) answers.push({ question: "lab_codes", answer: say(random, random.pick(labNotes), language) });
  const data: RecommendationBody["data"] = {
    icd10: { symptom: symptoms, diagnosis },
    drug: { fdaDrug: prescribe(random, condition) },
    followUp: random.sample(hasLabs ? followUps : followUps.filter((name) => name !== "Do Lab Test"), random.int(1, 3)).map((name) => ({ name })),
    postCallAnswer: answers,
    dispense: dispense(random),
  };
  if (hasLabs) data.lab = panelNames.length > 0 ? { lab: labNames, panel: panelNames } : { lab: labNames };
  else if (random.chance(0.3)) data.lab = null;
  if (condition.referral && random.chance(0.35)) data.doctorReferral = { name: referrals[condition.referral] };
  else if (random.chance(0.3)) data.doctorReferral = null;
  return data;
}

/** A revision: the doctor changes a dose or a duration, or adds a drug, and a new prescription link is issued. */
function revise(random: Random, data: RecommendationBody["data"], condition: Condition): RecommendationBody["data"] {
  const fdaDrug = data.drug.fdaDrug.map((drug) => ({ ...drug }));
  const missing = condition.drugs.filter((key) => !fdaDrug.some((drug) => drug.tradeName === drugs[key].tradeName));
  if (missing.length > 0 && fdaDrug.length < 6 && random.chance(0.5)) fdaDrug.push(drugBody(random, drugs[random.pick(missing)]));
  else fdaDrug[0]!.duration += random.int(2, 7);
  return { ...data, drug: { fdaDrug }, dispense: dispense(random) };
}

/** Consultations one at a time, oldest first (a generator, so a million never sit in memory). */
export function* generateConsultations(options: GenerateOptions): Generator<SimConsultation> {
  const random = createRandom(options.seed);
  const untilMicros = options.until.getTime() * 1000;
  const meanGapMicros = (options.meanGapSeconds ?? 90) * second;
  const members: Member[] = [];
  const memberPool = Math.max(1, Math.ceil(options.consultations * 0.7));
  // Start times are laid out backwards from `until`, so the newest consultations are still open.
  let startMicros = untilMicros - 5 * minute - Math.round(meanGapMicros * options.consultations);

  for (let index = 0; index < options.consultations; index++) {
    startMicros += Math.max(second, Math.round(-Math.log(1 - random.next()) * meanGapMicros)); // exponential gaps
    startMicros = Math.min(startMicros, untilMicros - random.int(1, 120) * second); // every consultation has begun by `until`
    const id = options.firstId + index;
    // Repeat members: some people consult again.
    const member = members.length < memberPool || random.chance(0.5) ? createMember(random) : random.pick(members);
    if (members.length < memberPool) members.push(member);
    const offset = random.chance(0.1) ? 180 : 0; // some senders stamp local time (+03:00)
    const common = { consultation_id: id, user_id: member.userId, insurance_id: member.insuranceId, policy_number: member.policyNumber };

    // Gaps: checking the medical profile takes seconds to minutes; the doctor joins within
    // minutes; the call lasts 5-25 minutes. A few members leave before a doctor joins.
    const times = [startMicros];
    times.push(times[0]! + random.int(3 * second, 2 * minute));
    times.push(times[1]! + random.int(20 * second, 12 * minute));
    times.push(times[2]! + random.int(5 * minute, 25 * minute));
    const steps = random.chance(0.03) ? 2 : 4;

    const events: SimEvent[] = [];
    for (let step = 0; step < steps; step++) {
      const eventMicros = times[step]! + random.int(0, 999_999);
      const body: StatusUpdateBody = {
        type: "status_update",
        ...common,
        old_status: step === 0 ? null : lifecycle[step - 1]!,
        new_status: lifecycle[step]!,
        datetime: formatEventTime(eventMicros, offset),
      };
      events.push({ consultationId: id, eventMicros, body });
    }

    if (steps === 4 && random.chance(0.85)) {
      const condition = pickWeighted(random, conditions);
      const roll = random.next();
      const language: Language = roll < 0.55 ? "ar" : roll < 0.9 ? "en" : "mixed";
      // Doctors usually send the recommendation just before or soon after closing the call.
      const recMicros = times[3]! + random.int(-3 * minute, 10 * minute);
      const data = recommendationData(random, condition, language);
      const recommendation = (eventMicros: number, payload: RecommendationBody["data"]): SimEvent => {
        const body: RecommendationBody = { type: "recommendation_data", ...common, data: payload, datetime: formatEventTime(eventMicros, offset) };
        if (random.chance(0.05)) delete body.policy_number; // an optional field left out
        return { consultationId: id, eventMicros, body };
      };
      events.push(recommendation(recMicros, data));
      if (random.chance(0.08)) events.push(recommendation(recMicros + random.int(5 * minute, 20 * minute), revise(random, data, condition)));
    }

    // Whatever lies after `until` has not happened yet.
    const happened = events.filter((event) => event.eventMicros <= untilMicros).sort((a, b) => a.eventMicros - b.eventMicros);
    const statuses = happened.filter((event): event is SimEvent & { body: StatusUpdateBody } => event.body.type === "status_update");
    yield {
      id,
      events: happened,
      finalStatus: statuses.at(-1)?.body.new_status ?? null,
      recommendations: happened.length - statuses.length,
    };
  }
}

/** Every event of the consultations, in the order Altibbi would send them (event time). */
export function eventsInTimeOrder(consultations: Iterable<SimConsultation>): SimEvent[] {
  const events: SimEvent[] = [];
  for (const consultation of consultations) events.push(...consultation.events);
  return events.sort((a, b) => a.eventMicros - b.eventMicros || a.consultationId - b.consultationId);
}
