// What a telehealth doctor diagnoses most, as ICD-10 (WHO) codes with their names, and what goes
// with each diagnosis: presenting symptoms, usual drugs, labs, referral, and the doctor's notes in
// English and Arabic. Pairing them keeps a generated recommendation coherent.
import type { DrugKey } from "./catalog-drugs";

/** ICD-10 codes and their WHO names. */
export const icd10 = {
  "R50.9": "Fever, unspecified",
  "R07.0": "Pain in throat",
  R05: "Cough",
  R51: "Headache",
  "R06.0": "Dyspnoea",
  "R06.2": "Wheezing",
  "R06.7": "Sneezing",
  "H57.1": "Ocular pain",
  "H92.0": "Otalgia",
  "R30.0": "Dysuria",
  R35: "Polyuria",
  R12: "Heartburn",
  "R10.1": "Pain localized to upper abdomen",
  "R10.4": "Other and unspecified abdominal pain",
  R11: "Nausea and vomiting",
  "R19.7": "Diarrhoea, unspecified",
  "R63.1": "Polydipsia",
  "R63.5": "Abnormal weight gain",
  R42: "Dizziness and giddiness",
  R53: "Malaise and fatigue",
  "M79.1": "Myalgia",
  "M25.5": "Pain in joint",
  "L29.9": "Pruritus, unspecified",
  "L29.2": "Pruritus vulvae",
  R21: "Rash and other nonspecific skin eruption",
  "R23.8": "Other and unspecified skin changes",
  "R45.0": "Nervousness",
  "G47.0": "Disorders of initiating and maintaining sleep",
  "R43.0": "Anosmia",
  "J02.9": "Acute pharyngitis, unspecified",
  "J03.9": "Acute tonsillitis, unspecified",
  "J06.9": "Acute upper respiratory infection, unspecified",
  "J01.9": "Acute sinusitis, unspecified",
  "J20.9": "Acute bronchitis, unspecified",
  "J45.9": "Asthma, unspecified",
  "J30.4": "Allergic rhinitis, unspecified",
  "J11.1": "Influenza with other respiratory manifestations, virus not identified",
  "U07.1": "COVID-19, virus identified",
  "H10.9": "Conjunctivitis, unspecified",
  "H66.9": "Otitis media, unspecified",
  "N39.0": "Urinary tract infection, site not specified",
  "N30.0": "Acute cystitis",
  "K21.9": "Gastro-oesophageal reflux disease without oesophagitis",
  "K29.7": "Gastritis, unspecified",
  "A09.9": "Gastroenteritis and colitis of unspecified origin",
  "K58.9": "Irritable bowel syndrome without diarrhoea",
  "K59.0": "Constipation",
  "E11.9": "Type 2 diabetes mellitus without complications",
  I10: "Essential (primary) hypertension",
  "E78.5": "Hyperlipidaemia, unspecified",
  "E03.9": "Hypothyroidism, unspecified",
  "D50.9": "Iron deficiency anaemia, unspecified",
  "E55.9": "Vitamin D deficiency, unspecified",
  "G43.9": "Migraine, unspecified",
  "G44.2": "Tension-type headache",
  "M54.5": "Low back pain",
  "M17.9": "Gonarthrosis, unspecified",
  "L20.9": "Atopic dermatitis, unspecified",
  "L70.0": "Acne vulgaris",
  "B35.4": "Tinea corporis",
  "L50.9": "Urticaria, unspecified",
  "F41.1": "Generalized anxiety disorder",
  "F32.9": "Depressive episode, unspecified",
  "B37.3": "Candidiasis of vulva and vagina",
  "B01.9": "Varicella without complication",
} as const;

export type Icd10Code = keyof typeof icd10;

export const labs = {
  cbc: "Complete Blood Count (CBC)",
  crp: "C-Reactive Protein (CRP)",
  esr: "Erythrocyte Sedimentation Rate (ESR)",
  hba1c: "HbA1c",
  fbs: "Fasting Blood Sugar (FBS)",
  lipids: "Lipid Profile",
  lft: "Liver Function Test (LFT)",
  kft: "Kidney Function Test (KFT)",
  tsh: "Thyroid Stimulating Hormone (TSH)",
  ft4: "Free T4",
  vitaminD: "Vitamin D (25-OH)",
  ferritin: "Serum Ferritin",
  b12: "Vitamin B12",
  urine: "Urine Analysis",
  urineCulture: "Urine Culture",
  stool: "Stool Analysis",
  hPylori: "H. pylori Stool Antigen",
  throatSwab: "Throat Swab Culture",
  ige: "Total IgE",
  uricAcid: "Uric Acid",
  covidPcr: "SARS-CoV-2 PCR",
  fit: "FIT Test",
} as const;

export const panels = {
  diabetes: "Diabetes Follow-up Panel",
  thyroid: "Thyroid Panel",
  anemia: "Anemia Panel",
  lipid: "Lipid Panel",
  metabolic: "Basic Metabolic Panel",
  comprehensive: "Comprehensive Metabolic Panel",
} as const;

export const referrals = {
  ent: "ENT/ Ear, Nose & Throat Specialist",
  gastro: "Gastroenterologist/ Stomach & Bowel Specialist",
  endo: "Endocrinologist/ Diabetes & Hormones Specialist",
  cardio: "Cardiologist/ Heart Specialist",
  derma: "Dermatologist/ Skin Specialist",
  chest: "Pulmonologist/ Chest Specialist",
  uro: "Urologist/ Urinary Tract Specialist",
  eye: "Ophthalmologist/ Eye Specialist",
  neuro: "Neurologist/ Brain & Nerves Specialist",
  ortho: "Orthopedist/ Bones & Joints Specialist",
  psych: "Psychiatrist/ Mental Health Specialist",
  gyn: "Gynecologist/ Women's Health Specialist",
  peds: "Pediatrician/ Children's Health Specialist",
  internal: "Internal Medicine Specialist",
  allergy: "Allergist/ Allergy & Immunology Specialist",
} as const;

export type Condition = {
  diagnosis: Icd10Code;
  symptoms: readonly Icd10Code[];
  drugs: readonly DrugKey[];
  labs: readonly (keyof typeof labs)[];
  panels?: readonly (keyof typeof panels)[];
  referral?: keyof typeof referrals;
  /** What the member reported, for the `symptoms` post-call answer. */
  complaint: { en: string; ar: string };
  /** How common it is among telehealth consultations (relative weight). */
  weight: number;
};

export const conditions: readonly Condition[] = [
  { diagnosis: "J02.9", symptoms: ["R07.0", "R50.9"], drugs: ["panadol", "brufen", "difflam", "amoxil"], labs: ["throatSwab", "cbc"], referral: "ent", weight: 9, complaint: { en: "Sore throat and fever for two days.", ar: "ألم في الحلق وحرارة منذ يومين." } },
  { diagnosis: "J03.9", symptoms: ["R07.0", "R50.9"], drugs: ["augmentin", "adol", "brufen"], labs: ["cbc", "crp"], referral: "ent", weight: 6, complaint: { en: "Painful swallowing, swollen tonsils, fever 38.5.", ar: "ألم عند البلع وتضخم في اللوزتين وحرارة ٣٨٫٥." } },
  { diagnosis: "J06.9", symptoms: ["R05", "R50.9", "R51"], drugs: ["panadol", "otrivin", "mucosolvan", "zyrtec"], labs: [], weight: 12, complaint: { en: "Runny nose, cough and mild fever since yesterday.", ar: "رشح وسعال وحرارة خفيفة منذ الأمس." } },
  { diagnosis: "J01.9", symptoms: ["R51", "R50.9"], drugs: ["augmentin", "flixonase", "otrivin", "panadol"], labs: ["cbc"], referral: "ent", weight: 5, complaint: { en: "Facial pain and blocked nose for a week.", ar: "ألم في الوجه وانسداد في الأنف منذ أسبوع." } },
  { diagnosis: "J20.9", symptoms: ["R05", "R06.0"], drugs: ["mucosolvan", "ventolin", "zithromax", "panadol"], labs: ["cbc", "crp"], referral: "chest", weight: 5, complaint: { en: "Productive cough and chest tightness for five days.", ar: "سعال مع بلغم وضيق في الصدر منذ خمسة أيام." } },
  { diagnosis: "J45.9", symptoms: ["R06.0", "R06.2", "R05"], drugs: ["ventolin", "seretide", "singulair", "prednisolone"], labs: ["cbc", "ige"], referral: "chest", weight: 3, complaint: { en: "Wheezing at night, uses the inhaler more often.", ar: "صفير في الصدر ليلاً واستخدام البخاخ أكثر من المعتاد." } },
  { diagnosis: "J30.4", symptoms: ["R06.7"], drugs: ["zyrtec", "telfast", "claritine", "nasonex", "flixonase"], labs: ["ige"], referral: "allergy", weight: 5, complaint: { en: "Sneezing and itchy eyes every morning.", ar: "عطاس وحكة في العينين كل صباح." } },
  { diagnosis: "J11.1", symptoms: ["R50.9", "R05", "M79.1", "R51"], drugs: ["panadol", "tamiflu", "brufen"], labs: ["cbc"], weight: 4, complaint: { en: "High fever, body aches and dry cough.", ar: "حرارة مرتفعة وآلام في الجسم وسعال جاف." } },
  { diagnosis: "U07.1", symptoms: ["R50.9", "R05", "R43.0"], drugs: ["panadol", "adol"], labs: ["covidPcr"], weight: 2, complaint: { en: "Positive home test, fever and loss of smell.", ar: "فحص منزلي إيجابي مع حرارة وفقدان لحاسة الشم." } },
  { diagnosis: "H10.9", symptoms: ["H57.1"], drugs: ["tobrex", "patanol"], labs: [], referral: "eye", weight: 3, complaint: { en: "Red, sticky eye since this morning.", ar: "احمرار وإفرازات في العين منذ الصباح." } },
  { diagnosis: "H66.9", symptoms: ["H92.0", "R50.9"], drugs: ["amoxil", "panadol", "brufen"], labs: [], referral: "ent", weight: 3, complaint: { en: "Ear pain and fever, worse at night.", ar: "ألم في الأذن وحرارة تزداد ليلاً." } },
  { diagnosis: "N39.0", symptoms: ["R30.0", "R35", "R50.9"], drugs: ["macrodantin", "ciprobay", "panadol"], labs: ["urine", "urineCulture"], referral: "uro", weight: 6, complaint: { en: "Burning on urination and frequency for three days.", ar: "حرقة عند التبول وتكرار منذ ثلاثة أيام." } },
  { diagnosis: "N30.0", symptoms: ["R30.0", "R35"], drugs: ["monurol", "macrodantin"], labs: ["urine", "urineCulture"], weight: 3, complaint: { en: "Painful, frequent urination since yesterday.", ar: "تبول متكرر ومؤلم منذ الأمس." } },
  { diagnosis: "K21.9", symptoms: ["R12", "R10.1"], drugs: ["nexium", "losec", "gaviscon"], labs: ["hPylori"], referral: "gastro", weight: 5, complaint: { en: "Heartburn after meals and at night.", ar: "حرقة في المعدة بعد الأكل وفي الليل." } },
  { diagnosis: "K29.7", symptoms: ["R10.1", "R11"], drugs: ["controloc", "motilium", "pepcid"], labs: ["hPylori", "cbc"], referral: "gastro", weight: 5, complaint: { en: "Upper abdominal pain and nausea.", ar: "ألم في أعلى البطن مع غثيان." } },
  { diagnosis: "A09.9", symptoms: ["R19.7", "R11", "R50.9"], drugs: ["dioralyte", "imodium", "zofran", "flagyl"], labs: ["stool", "cbc"], weight: 6, complaint: { en: "Diarrhoea and vomiting since last night.", ar: "إسهال واستفراغ منذ الليلة الماضية." } },
  { diagnosis: "K58.9", symptoms: ["R10.4"], drugs: ["duspatalin", "buscopan"], labs: ["stool", "fit"], referral: "gastro", weight: 3, complaint: { en: "Cramping abdominal pain and bloating for months.", ar: "مغص وانتفاخ في البطن منذ أشهر." } },
  { diagnosis: "K59.0", symptoms: ["R10.4"], drugs: ["duphalac", "dulcolax"], labs: [], weight: 2, complaint: { en: "No bowel movement for four days.", ar: "إمساك منذ أربعة أيام." } },
  { diagnosis: "E11.9", symptoms: ["R63.1", "R35"], drugs: ["glucophage", "diamicron", "januvia", "jardiance"], labs: ["hba1c", "fbs", "kft"], panels: ["diabetes"], referral: "endo", weight: 6, complaint: { en: "Known diabetic, needs a refill; sugar readings around 180.", ar: "مريض سكري معروف يحتاج إلى إعادة صرف العلاج، قراءات السكر حوالي ١٨٠." } },
  { diagnosis: "I10", symptoms: ["R51", "R42"], drugs: ["norvasc", "cozaar", "concor", "diovan"], labs: ["kft", "lipids"], panels: ["metabolic"], referral: "cardio", weight: 6, complaint: { en: "Home blood pressure 150/95, occasional headaches.", ar: "ضغط الدم في المنزل ١٥٠/٩٥ مع صداع أحياناً." } },
  { diagnosis: "E78.5", symptoms: ["R53"], drugs: ["lipitor", "crestor"], labs: ["lipids", "lft"], panels: ["lipid"], referral: "cardio", weight: 3, complaint: { en: "High cholesterol on last check-up.", ar: "ارتفاع الكوليسترول في آخر فحص." } },
  { diagnosis: "E03.9", symptoms: ["R53", "R63.5"], drugs: ["euthyrox"], labs: ["tsh", "ft4"], panels: ["thyroid"], referral: "endo", weight: 2, complaint: { en: "Tiredness and weight gain; known hypothyroidism.", ar: "تعب وزيادة في الوزن، قصور غدة درقية معروف." } },
  { diagnosis: "D50.9", symptoms: ["R53", "R42"], drugs: ["ferrous", "folicAcid"], labs: ["cbc", "ferritin", "b12"], panels: ["anemia"], referral: "internal", weight: 3, complaint: { en: "Fatigue and dizziness, pale.", ar: "تعب ودوخة وشحوب." } },
  { diagnosis: "E55.9", symptoms: ["R53", "M79.1"], drugs: ["vitaminD"], labs: ["vitaminD"], weight: 3, complaint: { en: "Muscle aches and tiredness; low vitamin D before.", ar: "آلام في العضلات وتعب، نقص فيتامين د سابقاً." } },
  { diagnosis: "G43.9", symptoms: ["R51", "R11"], drugs: ["imigran", "panadol", "naprosyn"], labs: [], referral: "neuro", weight: 3, complaint: { en: "One-sided throbbing headache with nausea.", ar: "صداع نابض في جهة واحدة مع غثيان." } },
  { diagnosis: "G44.2", symptoms: ["R51"], drugs: ["panadol", "brufen", "norgesic"], labs: [], weight: 4, complaint: { en: "Band-like headache at the end of the working day.", ar: "صداع ضاغط حول الرأس في نهاية يوم العمل." } },
  { diagnosis: "M54.5", symptoms: ["M79.1"], drugs: ["voltaren", "robaxin", "voltarenGel", "oruvail"], labs: [], referral: "ortho", weight: 5, complaint: { en: "Lower back pain after lifting, no numbness.", ar: "ألم أسفل الظهر بعد حمل شيء ثقيل، دون تنميل." } },
  { diagnosis: "M17.9", symptoms: ["M25.5"], drugs: ["celebrex", "voltarenGel", "panadol"], labs: ["esr", "crp", "uricAcid"], referral: "ortho", weight: 2, complaint: { en: "Knee pain when climbing stairs.", ar: "ألم في الركبة عند صعود الدرج." } },
  { diagnosis: "L20.9", symptoms: ["L29.9", "R21"], drugs: ["elocon", "fucidinH", "zyrtec"], labs: [], referral: "derma", weight: 3, complaint: { en: "Itchy dry patches on the arms.", ar: "بقع جافة مع حكة على الذراعين." } },
  { diagnosis: "L70.0", symptoms: ["R23.8"], drugs: ["differin", "panoxyl", "dalacinT", "vibramycin"], labs: [], referral: "derma", weight: 3, complaint: { en: "Spots on the face and back for months.", ar: "حبوب على الوجه والظهر منذ أشهر." } },
  { diagnosis: "B35.4", symptoms: ["L29.9", "R21"], drugs: ["canesten", "lamisil", "diflucan"], labs: [], referral: "derma", weight: 2, complaint: { en: "Round itchy red patch on the skin.", ar: "بقعة حمراء دائرية مع حكة على الجلد." } },
  { diagnosis: "L50.9", symptoms: ["L29.9", "R21"], drugs: ["zyrtec", "telfast", "atarax", "prednisolone"], labs: ["cbc", "ige"], referral: "allergy", weight: 3, complaint: { en: "Itchy wheals all over the body since this morning.", ar: "طفح جلدي مع حكة في كل الجسم منذ الصباح." } },
  { diagnosis: "F41.1", symptoms: ["R45.0", "G47.0"], drugs: ["lustral", "cipralex"], labs: ["tsh"], referral: "psych", weight: 2, complaint: { en: "Constant worry and poor sleep for months.", ar: "قلق مستمر وقلة نوم منذ أشهر." } },
  { diagnosis: "F32.9", symptoms: ["R53", "G47.0"], drugs: ["lustral", "cipralex", "prozac"], labs: ["tsh", "b12"], referral: "psych", weight: 2, complaint: { en: "Low mood, no interest in things, poor sleep.", ar: "مزاج منخفض وفقدان الاهتمام وقلة نوم." } },
  { diagnosis: "B37.3", symptoms: ["L29.2"], drugs: ["diflucan", "canestenVaginal"], labs: [], referral: "gyn", weight: 2, complaint: { en: "Itching and white discharge.", ar: "حكة وإفرازات بيضاء." } },
  { diagnosis: "B01.9", symptoms: ["R21", "R50.9"], drugs: ["calamine", "piriton", "panadol"], labs: [], referral: "peds", weight: 1, complaint: { en: "Child with itchy blisters and mild fever.", ar: "طفل لديه بثور مع حكة وحرارة خفيفة." } },
];
