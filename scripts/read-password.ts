/**
 * Reading a password on the command line without it ever showing: typed at a terminal with no
 * echo (raw mode, one key at a time), or piped in whole for automation.
 */

/** Everything piped to stdin, minus the one line ending `echo` or a file adds. */
export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Asks at the terminal; nothing typed is echoed. Ctrl-C ends the command, Ctrl-D ends the line. */
export function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding("utf8");
  return new Promise((resolve) => {
    let typed = "";
    const finish = () => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      process.stderr.write("\n");
      resolve(typed);
    };
    const onData = (keys: string) => {
      for (const key of keys) {
        if (key === "\r" || key === "\n" || key === "\u0004") return finish();
        if (key === "\u0003") {
          input.setRawMode(false);
          process.stderr.write("\n");
          process.exit(130);
        }
        // Backspace / Delete take back the last character.
        if (key === "\u007f" || key === "\b") typed = typed.slice(0, -1);
        else if (key >= " ") typed += key;
      }
    };
    input.on("data", onData);
  });
}
