// `node scripts/free-port.mjs 3100` prints 3100 when nothing listens there, else a free port
// the system hands out — so a test run never refuses to start because a default port is busy.
import net from "node:net";

const preferred = Number(process.argv[2] ?? 0);
function listen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(null));
    // On every interface, as the portal listens: a port taken on any address counts as busy.
    server.listen(port, () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
}
process.stdout.write(`${(preferred && (await listen(preferred))) || (await listen(0))}\n`);
