// How long a task's notes and dismissal reason may be: plain numbers, importable by client
// components (./task.ts, which validates them, imports zod, and zod must not reach the browser:
// its eval probe trips the Content Security Policy).
export const maxNotesLength = 2000;
export const maxDismissReasonLength = 500;
