/**
 * What a command prints for the person at the terminal — which database it uses, its report, how
 * to fix its setup — or for a script reading its output. Output, not log events: plain lines on
 * stdout (or stderr for problems), in every LOG_FORMAT. Events (what happened while running,
 * failures that need a person) go through lib/log instead.
 */
export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function printProblem(text: string): void {
  process.stderr.write(`${text}\n`);
}
