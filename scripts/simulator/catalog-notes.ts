// The doctor's post-call notes (Altibbi's postCallAnswer), in English and Arabic, and the
// follow-up choices. Questions are the five keys Altibbi's sample uses.

export type Note = { en: string; ar: string };

export const doctorNotes: readonly Note[] = [
  { en: "Rest and drink plenty of fluids.", ar: "ينصح بالراحة وشرب كميات كافية من السوائل." },
  { en: "Go to the emergency department if breathing becomes difficult or the fever passes 39.5.", ar: "يرجى مراجعة الطوارئ في حال صعوبة التنفس أو ارتفاع الحرارة فوق ٣٩٫٥." },
  { en: "Explained how to take each medicine; the member repeated the instructions back.", ar: "تم شرح طريقة استخدام الأدوية وأعاد المريض التعليمات." },
  { en: "Avoid spicy and fatty food, and do not lie down for two hours after meals.", ar: "ينصح بتجنب الأطعمة الحارة والدهنية وعدم الاستلقاء لمدة ساعتين بعد الأكل." },
  { en: "No known drug allergies.", ar: "لا يعاني المريض من حساسية تجاه أي دواء." },
  { en: "Measure blood pressure at home twice a day and keep a record.", ar: "قياس ضغط الدم في المنزل مرتين يومياً وتسجيل القراءات." },
  { en: "Stay at home until 24 hours without fever.", ar: "البقاء في المنزل حتى مرور ٢٤ ساعة دون حرارة." },
  { en: "Pregnancy excluded by history.", ar: "تم استبعاد الحمل من خلال التاريخ المرضي." },
];

export const diagnosisNotes: readonly Note[] = [
  { en: "Clinical diagnosis from the history and video examination.", ar: "التشخيص سريري بناءً على التاريخ المرضي والفحص عبر الفيديو." },
  { en: "Most likely viral; antibiotics only if no improvement in 3 days.", ar: "على الأغلب التهاب فيروسي، ولا حاجة للمضاد الحيوي إلا إذا لم يتحسن خلال ٣ أيام." },
  { en: "No red flags found.", ar: "لا توجد علامات خطورة." },
  { en: "Known chronic condition, stable on treatment.", ar: "حالة مزمنة معروفة ومستقرة على العلاج." },
];

export const drugNotes: readonly Note[] = [
  { en: "Take the medicines after food.", ar: "تناول الأدوية بعد الأكل." },
  { en: "Complete the full antibiotic course even if you feel better.", ar: "يجب إكمال كامل جرعات المضاد الحيوي حتى مع التحسن." },
  { en: "Do not take other painkillers with this prescription.", ar: "عدم تناول مسكنات أخرى مع هذه الوصفة." },
  { en: "Refill for three months.", ar: "صرف العلاج لمدة ثلاثة أشهر." },
];

export const labNotes: readonly Note[] = [
  { en: "Fast for 8 hours before the blood test.", ar: "الصيام ٨ ساعات قبل فحص الدم." },
  { en: "Send the results through the app.", ar: "يرجى إرسال النتائج عبر التطبيق." },
  { en: "First morning urine sample.", ar: "عينة البول الأولى في الصباح." },
];

export const followUps: readonly string[] = [
  "Do Lab Test",
  "Do the required radiation",
  "Follow up after 48 hours",
  "Follow up after one week",
  "Follow up with lab results",
  "Go to the emergency department if symptoms worsen",
  "Book a clinic visit",
  "No Follow-up - Policy Expired",
];
