import autocannon from "autocannon";
import fs from "node:fs";
const jar = fs.readFileSync("/tmp/jar.txt","utf8").split("\n").filter(l=>l && !l.startsWith("# ")).map(l=>l.split("\t")).filter(p=>p.length>=7).map(p=>`${p[5]}=${p[6]}`).join("; ");
const [path, conns, secs, anon] = [process.argv[2], Number(process.argv[3]??1), Number(process.argv[4]??8), process.argv[5]==="anon"];
const r = await autocannon({ url: `http://127.0.0.1:3377${path}`, connections: conns, duration: secs, headers: anon?{}:{cookie: jar} });
console.log(`${path} c=${conns}: p50 ${r.latency.p50} p97.5 ${r.latency.p97_5} rps ${r.requests.average} non2xx ${r.non2xx} bytes/req ${Math.round(r.throughput.total/r.requests.total)}`);
