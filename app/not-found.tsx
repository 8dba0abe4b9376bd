import { NotFoundMessage } from "@/components/not-found-message";

export default function NotFound() {
  return (
    <NotFoundMessage title="Page not found" back={{ href: "/consultations", label: "Go to consultations" }}>
      <p>There is no page at this address.</p>
    </NotFoundMessage>
  );
}
