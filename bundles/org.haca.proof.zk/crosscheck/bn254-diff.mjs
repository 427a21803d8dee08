// Independent BN254 reference for the Java differential test: @noble/curves 2.4.0.
// Usage: node bn254-diff.mjs <seed> <count>; prints JSON {g1: [...], g2: [...], pairings: [...]} where every
// number is a decimal string. Scalars come from a 64-bit LCG seeded with <seed>, so Java can reproduce nothing of
// noble's arithmetic but the scalars, which are printed too.
import { bn254 } from '@noble/curves/bn254.js';

const [seedArg, countArg] = process.argv.slice(2);
const r = bn254.fields.Fr.ORDER;
let state = BigInt(seedArg) & ((1n << 64n) - 1n);
function next64() {
  state = (state * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
  return state;
}
function scalar() {
  let v = 0n;
  for (let i = 0; i < 4; i++) v = (v << 64n) | next64();
  return v % r;
}
const G1 = bn254.G1.Point, G2 = bn254.G2.Point;
const g1 = (p) => { const a = p.toAffine(); return [a.x.toString(), a.y.toString()]; };
const g2 = (p) => { const a = p.toAffine(); return [a.x.c0.toString(), a.x.c1.toString(), a.y.c0.toString(), a.y.c1.toString()]; };
const out = { g1: [], g2: [], pairings: [] };
const n = Number(countArg);
for (let i = 0; i < n; i++) {
  const k = scalar(), m = scalar();
  const P = G1.BASE.multiply(k), Q = G1.BASE.multiply(m);
  out.g1.push({ k: k.toString(), m: m.toString(), kG: g1(P), mG: g1(Q), sum: g1(P.add(Q)), dbl: g1(P.double()) });
  const R = G2.BASE.multiply(k), S = G2.BASE.multiply(m);
  out.g2.push({ k: k.toString(), m: m.toString(), kG: g2(R), mG: g2(S), sum: g2(R.add(S)) });
  // e(a·P1, b·P2) versus e(c·P1, P2): equal exactly when c = a·b mod r
  const a = scalar(), b = scalar();
  const c = i % 2 === 0 ? (a * b) % r : (a * b + 1n) % r;
  const lhs = bn254.pairing(G1.BASE.multiply(a), G2.BASE.multiply(b));
  const rhs = bn254.pairing(G1.BASE.multiply(c), G2.BASE);
  out.pairings.push({ aG1: g1(G1.BASE.multiply(a)), bG2: g2(G2.BASE.multiply(b)), cG1: g1(G1.BASE.multiply(c)),
    equal: bn254.fields.Fp12.eql(lhs, rhs) });
}
console.log(JSON.stringify(out));
