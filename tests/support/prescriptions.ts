// Prescriptions the print and viewer specs need beyond the sample: one written in Arabic, and a
// long one. Built on the sample recommendation (tests/support/payloads.ts) at its own time.
import { recommendation, recommendationData, sampleDatetime, type Json } from "./payloads";

/** The sample recommendation for `consultationId`, at the sample's time, with `changes` in its data block. */
export const prescription = (consultationId: number, changes: Json = {}): Json =>
  recommendation(consultationId, sampleDatetime("recommendation_data"), recommendationData(changes));

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
  const sample = recommendationData();
  return prescription(consultationId, {
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
  return prescription(consultationId, { drug: { fdaDrug } });
}
