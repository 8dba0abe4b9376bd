// Tasks and what a coordinator does to them, on the worklist and a consultation's page: the
// client part (./task-board-client.tsx) with only the messages it reads.
import { ClientMessages } from "./client-messages";
import { TaskBoardClient } from "./task-board-client";

export type { Assignable, TaskAction, TaskActionState } from "./task-board-client";

// What the board's client part reads: not the worklist's own words (its headings, filters and the
// answers of its actions, formatted on the server), which were two thirds of the "tasks" namespace.
const boardMessages = ["tasks.kinds", "tasks.states", "tasks.withdrawn", "tasks.overdue", "tasks.summary", "tasks.row", "tasks.actions", "status", "time"] as const;

export function TaskBoard(props: React.ComponentProps<typeof TaskBoardClient>) {
  return (
    <ClientMessages namespaces={boardMessages}>
      <TaskBoardClient {...props} />
    </ClientMessages>
  );
}
