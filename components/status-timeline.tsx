// A consultation's status timeline: the client part (./status-timeline-client.tsx) with only the
// messages it reads.
import { ClientMessages } from "./client-messages";
import { StatusTimelineClient } from "./status-timeline-client";

const timelineMessages = ["timeline", "duration", "status", "time"] as const;

export function StatusTimeline(props: React.ComponentProps<typeof StatusTimelineClient>) {
  return (
    <ClientMessages namespaces={timelineMessages}>
      <StatusTimelineClient {...props} />
    </ClientMessages>
  );
}
