// End-to-end check of a Java-compiled circuit with snarkjs Groth16: a throw-away powers of tau (2^power), setup, prove
// from the Java witness, verify; then verify again with each public signal changed (every change must be rejected).
// usage: node circuit-groth16.mjs <circuit.r1cs> <witness.wtns> <power> <workdir>
// stdout: {"verified":true|false,"publicSignals":[...],"tamperedAccepted":[indices that still verified]}
import * as snarkjs from "snarkjs";
import { getCurveFromName } from "ffjavascript";

const [r1cs, wtns, power, dir] = process.argv.slice(2);
const curve = await getCurveFromName("bn128", true);
const ptau0 = { type: "mem" };
await snarkjs.powersOfTau.newAccumulator(curve, Number(power), ptau0);
const ptau1 = { type: "mem" };
await snarkjs.powersOfTau.contribute(ptau0, ptau1, "c", "entropy-1");
const ptau = { type: "mem" };
await snarkjs.powersOfTau.preparePhase2(ptau1, ptau);
const zkey0 = { type: "mem" };
await snarkjs.zKey.newZKey(r1cs, ptau, zkey0);
const zkey = { type: "mem" };
await snarkjs.zKey.contribute(zkey0, zkey, "z", "entropy-2");
const vk = await snarkjs.zKey.exportVerificationKey(zkey);
const { proof, publicSignals } = await snarkjs.groth16.prove(zkey, wtns);
const verified = await snarkjs.groth16.verify(vk, publicSignals, proof);
const tamperedAccepted = [];
for (let i = 0; i < publicSignals.length; i++) {
  const bad = publicSignals.slice();
  bad[i] = (BigInt(bad[i]) + 1n).toString();
  if (await snarkjs.groth16.verify(vk, bad, proof)) tamperedAccepted.push(i);
}
process.stdout.write(JSON.stringify({ verified, publicSignals, tamperedAccepted }));
await curve.terminate();
process.exit(0);
