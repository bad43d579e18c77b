/** A problem the person running a command can fix; shown as one line, exit code 1. */
export class CommandError extends Error {}
