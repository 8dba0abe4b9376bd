import { redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";

// The home page: the consultation list for those who may read it, the users list for an auditor.
export default async function HomePage() {
  const caller = await requirePagePermission(null, "/");
  redirect(hasPermission(caller.role, "consultations:read") ? "/consultations" : "/admin/users");
}
