import { requirePagePermission } from "@/lib/auth/caller";

export const dynamic = "force-dynamic";

/**
 * Checks the session above loading.tsx, before anything streams: a signed-out visitor gets a real
 * redirect to /sign-in and a role without the permission a 403 (the page checks again).
 */
export default async function DeliveriesListLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("deliveries:read", "/deliveries");
  return children;
}
