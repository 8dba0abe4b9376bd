import { NotFoundMessage } from "@/components/not-found-message";

export default function DeliveriesNotFound() {
  return (
    <NotFoundMessage title="Not found" back={{ href: "/deliveries", label: "Back to webhook deliveries" }}>
      <p>There is nothing at this address.</p>
    </NotFoundMessage>
  );
}
