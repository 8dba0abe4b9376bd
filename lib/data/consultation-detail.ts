// One read of a consultation's detail per request: the detail route's layout checks that the
// consultation exists (before anything streams, so an unknown id is a real 404) and the page then
// renders the same read, instead of a second query for the layout's check.
import "server-only";
import { cache } from "react";
import type { Caller } from "../auth/permissions";
import { getConsultation } from "./consultation";

/** getConsultation, once per request for the same caller and id (React cache). */
export const getConsultationForRequest = cache(getConsultation);

/** Whether the consultation exists, from the same read the page renders. */
export async function hasConsultationForRequest(caller: Caller, id: number): Promise<boolean> {
  return (await getConsultationForRequest(caller, id)) !== null;
}
