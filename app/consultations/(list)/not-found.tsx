import { NotFoundMessage } from "@/components/not-found-message";

export default function ConsultationsNotFound() {
  return (
    <NotFoundMessage title="Not found" back={{ href: "/consultations", label: "Back to all consultations" }}>
      <p>There is nothing at this address.</p>
    </NotFoundMessage>
  );
}
