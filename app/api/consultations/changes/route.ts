// GET /api/consultations/changes — consultations changed since a cursor (the pages' live refresh)
import { getConsultationChanges } from "@/lib/data/consultation-changes";
import { changesEndpoint } from "@/lib/http/changes-endpoint";

export const dynamic = "force-dynamic";

export const GET = changesEndpoint({ route: "GET /api/consultations/changes", acceptsId: true, read: getConsultationChanges });
