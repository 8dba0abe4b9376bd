import { requirePagePermission } from "@/lib/auth/caller";

export const dynamic = "force-dynamic";

/** Checks the session above loading.tsx, before anything streams (the page checks again). */
export default async function WorklistLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("consultations:read", "/worklist");
  return children;
}
