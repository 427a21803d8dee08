// Independent reference for the circuit's Poseidon and input commitment (circomlibjs 0.1.7).
// stdin: {"hash": [["1","2"], ...], "commit": [[-128, 5, 127, ...], ...]}
// stdout: {"hash": ["<decimal>", ...], "commit": ["<decimal>", ...]}
// commit: int8 values as unsigned bytes (q + 128), 31 per field element little-endian, then
// h0 = 0, h_{i+1} = poseidon([h_i, e_4i .. e_4i+3]) with missing elements 0.
import { buildPoseidon } from "circomlibjs";

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const req = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const poseidon = await buildPoseidon();
const F = poseidon.F;
const hash = (xs) => F.toObject(poseidon(xs.map((x) => BigInt(x))));

function commit(values) {
  const elements = [];
  for (let s = 0; s < values.length; s += 31) {
    let e = 0n;
    const end = Math.min(values.length, s + 31);
    for (let j = s; j < end; j++) e += BigInt(values[j] + 128) << BigInt(8 * (j - s));
    elements.push(e);
  }
  let h = 0n;
  for (let i = 0; i < elements.length; i += 4) {
    const inp = [h];
    for (let j = 0; j < 4; j++) inp.push(i + j < elements.length ? elements[i + j] : 0n);
    h = hash(inp);
  }
  return h;
}

const out = {
  hash: (req.hash || []).map((xs) => hash(xs).toString()),
  commit: (req.commit || []).map((v) => commit(v).toString()),
};
process.stdout.write(JSON.stringify(out));
process.exit(0);
