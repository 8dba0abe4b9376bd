import { notFound } from "next/navigation";

type Props = { children: React.ReactNode; params: Promise<{ id: string }> };

/**
 * The layout of a detail route (`[id]`): it checks that the record exists before anything
 * streams. The page renders behind loading.tsx, and once that fallback is sent the status is
 * fixed at 200; checked here, above the loading boundary, an unknown id answers 404 (with the
 * segment's not-found.tsx).
 */
export function recordLayout(parseId: (text: string) => number | null, exists: (id: number) => Promise<boolean>) {
  return async function RecordLayout({ children, params }: Props) {
    const id = parseId((await params).id);
    if (id === null || !(await exists(id))) notFound();
    return children;
  };
}
