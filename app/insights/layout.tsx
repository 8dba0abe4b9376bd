import { requirePagePermission } from "@/lib/auth/caller";

export const dynamic = "force-dynamic";

/** Checks the session above loading.tsx, before anything streams (the page checks again). */
export default async function InsightsLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("consultations:read", "/insights");
  return children;
}
