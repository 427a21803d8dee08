// Independent check of a Java-written .r1cs and a witness: reads the file with snarkjs's r1csfile reader and evaluates
// every constraint <A,w>*<B,w> = <C,w> mod r with BigInt.
// usage: node circuit-r1cs-check.mjs <file.r1cs> <witness.json: array of decimal strings>
// stdout: {"nVars":..,"nOutputs":..,"nPubInputs":..,"nPrvInputs":..,"nConstraints":..,"firstViolated":-1|index}
import { readFileSync } from "fs";
import { readR1cs } from "r1csfile";

const [file, witnessFile] = process.argv.slice(2);
const r1cs = await readR1cs(file, { loadConstraints: true, loadMap: false, singleThread: true });
const F = r1cs.F;
const p = r1cs.prime;
const w = JSON.parse(readFileSync(witnessFile, "utf8")).map((x) => BigInt(x));
const evalLc = (lc) => {
  let acc = 0n;
  for (const [idx, coeff] of Object.entries(lc)) acc += F.toObject(coeff) * w[Number(idx)];
  return acc % p;
};
let firstViolated = -1;
if (w.length !== r1cs.nVars || w[0] !== 1n) firstViolated = 0;
for (let i = 0; firstViolated < 0 && i < r1cs.constraints.length; i++) {
  const [a, b, c] = r1cs.constraints[i];
  if ((evalLc(a) * evalLc(b) - evalLc(c)) % p !== 0n) firstViolated = i;
}
process.stdout.write(JSON.stringify({
  nVars: r1cs.nVars, nOutputs: r1cs.nOutputs, nPubInputs: r1cs.nPubInputs, nPrvInputs: r1cs.nPrvInputs,
  nConstraints: r1cs.nConstraints, firstViolated,
}));
process.exit(0);
