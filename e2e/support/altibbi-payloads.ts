// Altibbi webhook bodies for the end-to-end specs: the published samples (fixtures/) with a
// fresh consultation id, and variants built from them.
import { readFileSync } from "node:fs";
import path from "node:path";

type Json = Record<string, unknown>;

const fixtureDir = path.join(import.meta.dirname, "../../fixtures");
const readFixture = (name: "status_update" | "recommendation_data"): Json =>
  JSON.parse(readFileSync(path.join(fixtureDir, `${name}.sample.json`), "utf8"));

let nextId = 10_000_000 + (Date.now() % 1_000_000) * 100 + Math.floor(Math.random() * 100);
/** A consultation id no other spec of this run uses (the specs share one server and database). */
export const uniqueConsultationId = () => ++nextId;

/** The status_update sample for `consultationId`. */
export const statusUpdateSample = (consultationId: number): Json => ({ ...readFixture("status_update"), consultation_id: consultationId });

/** The recommendation_data sample for `consultationId`, with `data` keys replaced by `data`. */
export function recommendationSample(consultationId: number, data: Json = {}): Json {
  const sample = readFixture("recommendation_data");
  return { ...sample, consultation_id: consultationId, data: { ...(sample.data as Json), ...data } };
}

/** The sample's data block, for specs that check what was sent. */
export const recommendationSampleData = () => readFixture("recommendation_data").data as {
  icd10: { symptom: { name: string; code: string }[]; diagnosis: { name: string; code: string }[] };
  drug: { fdaDrug: Json[] };
  dispense: { url: string; pass_code: number; qr_code: string };
};

/** Arabic text where a doctor writing in Arabic would put it. */
export const arabic = {
  diagnosis: { name: "التهاب البلعوم الحاد", code: "J02.9" },
  symptom: { name: "ألم في الحلق", code: "R07.0" },
  tradeName: "بنادول إكسترا 500 ملغ",
  dosageUnit: "قرص",
  frequency: "ثلاث مرات يومياً",
  relationWithFood: "بعد الأكل",
  specialInstructions: "لا تتجاوز ست حبات في اليوم",
  medicationNote: "يؤخذ الدواء مع كوب من الماء",
  referral: "طبيب أنف وأذن وحنجرة",
  followUp: "مراجعة بعد أسبوع",
} as const;

/** A recommendation written in Arabic: diagnoses, a drug, notes, referral and follow-up. */
export function arabicRecommendation(consultationId: number): Json {
  const sample = readFixture("recommendation_data").data as { drug: { fdaDrug: Json[] } };
  return recommendationSample(consultationId, {
    icd10: { symptom: [arabic.symptom], diagnosis: [arabic.diagnosis] },
    drug: {
      fdaDrug: [
        {
          ...sample.drug.fdaDrug[0],
          name: "PARACETAMOL",
          tradeName: arabic.tradeName,
          strengthValue: "500",
          dosage: "1",
          dosageUnit: arabic.dosageUnit,
          frequency: arabic.frequency,
          relationWithFood: arabic.relationWithFood,
          specialInstructions: arabic.specialInstructions,
        },
      ],
    },
    doctorReferral: { name: arabic.referral },
    followUp: [{ name: arabic.followUp }],
    postCallAnswer: [{ question: "fda_drug", answer: arabic.medicationNote }],
  });
}

/** A long prescription: `count` drugs, each with a distinct name and dose, for page-break checks. */
export function manyDrugsRecommendation(consultationId: number, count: number): Json {
  const fdaDrug = Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(2, "0");
    return {
      name: `GENERIC ${n}`,
      tradeName: `TRADE NAME ${n} TAB`,
      strengthValue: "250",
      packageType: "Blister",
      packageSize: "30",
      dosage: "1",
      dosageUnit: "tablet",
      routeOfAdministration: "oral",
      dosageForm: "Film-coated tablet",
      frequency: "Twice daily",
      duration: 100 + index + 1,
      specialInstructions: `Take with a full glass of water; keep at least eight hours between doses; stop and call the doctor if a rash appears (drug ${n}).`,
      relationWithFood: "After food",
      howToUse: "Swallow whole, do not crush or chew.",
    };
  });
  return recommendationSample(consultationId, { drug: { fdaDrug } });
}
