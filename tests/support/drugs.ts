// Drugs as lib/data returns them (DrugDto), for tests that check what is stored or shown.
import type { DrugDto } from "@/lib/schemas/consultation";
import { drugFields } from "@/lib/schemas/drug";
import { mapFields } from "@/lib/schemas/text-fields";

/** A drug with every field empty except `fields`. */
export const drugDto = (fields: Partial<DrugDto> = {}): DrugDto => ({ position: 0, ...mapFields(drugFields, () => null), ...fields });

/** The two drugs of Altibbi's recommendation sample (fixtures/recommendation_data.sample.json), as stored. */
export const sampleDrugDtos: DrugDto[] = [
  {
    position: 0,
    name: "PIMOZIDE",
    tradeName: "ORAP FORTE TAB 4 MG",
    strengthValue: "4",
    packageType: "Blister",
    packageSize: "20",
    dosage: "2",
    dosageUnit: "capsule",
    routeOfAdministration: "oral",
    dosageForm: "tablet",
    frequency: "Four times daily",
    duration: "5",
    specialInstructions: null,
    relationWithFood: "",
    howToUse: null,
    registrationNumber: null,
  },
  {
    position: 1,
    name: "KETOPROFEN",
    tradeName: "ORUVAIL S-R CAPS 100 MG",
    strengthValue: "100",
    packageType: "Blister",
    packageSize: "28",
    dosage: "2",
    dosageUnit: "tablespoon (10ml)",
    routeOfAdministration: "oral",
    dosageForm: "Prolonged-release capsule, hard",
    frequency: "Four times daily",
    duration: "6",
    specialInstructions: null,
    relationWithFood: "",
    howToUse: null,
    registrationNumber: null,
  },
];
