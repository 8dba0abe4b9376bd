import { NotFoundMessage } from "@/components/not-found-message";

export default function ConsultationNotFound() {
  return (
    <NotFoundMessage title="Consultation not found" back={{ href: "/consultations", label: "Back to all consultations" }}>
      <p>
        No webhook has told this instance about a consultation with this id. Consultations appear once Altibbi sends a status update or a
        recommendation for them.
      </p>
    </NotFoundMessage>
  );
}
