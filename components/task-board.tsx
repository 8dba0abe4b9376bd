// Tasks and what a coordinator does to them, on the worklist and a consultation's page: the
// client part (./task-board-client.tsx) with only the messages it reads.
import { ClientMessages } from "./client-messages";
import { TaskBoardClient } from "./task-board-client";

export type { Assignable, TaskAction, TaskActionState } from "./task-board-client";

export function TaskBoard(props: React.ComponentProps<typeof TaskBoardClient>) {
  return (
    <ClientMessages namespaces={["tasks", "status", "time"]}>
      <TaskBoardClient {...props} />
    </ClientMessages>
  );
}
