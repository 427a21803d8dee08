// Builds the snarkjs side of the Groth16 cross-checks: compiles a circom circuit with circom2, runs a small local
// powers-of-tau ceremony and a phase-2 contribution, computes a witness, proves and verifies with snarkjs.
// Usage: node groth16-fixtures.mjs <outDir> <circuit.circom> <ptauPower> <input.json-string>
// Writes: circuit.r1cs, circuit.zkey, verification_key.json, witness.wtns, proof.json, public.json, timings.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as snarkjs from "snarkjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const [outDir, circuitFile, powerArg, inputJson] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const name = path.basename(circuitFile, ".circom");

const compiled = spawnSync(path.join(here, "node_modules/.bin/circom2"),
    [path.resolve(circuitFile), "--r1cs", "--wasm", "-o", outDir], { encoding: "utf-8" });
if (compiled.status !== 0) {
    console.error(compiled.stdout, compiled.stderr);
    process.exit(2);
}
copyFileSync(path.join(outDir, name + ".r1cs"), path.join(outDir, "circuit.r1cs"));

const f = (n) => path.join(outDir, n);
const power = Number(powerArg);
const curve = await snarkjs.curves.getCurveFromName("bn128");
await snarkjs.powersOfTau.newAccumulator(curve, power, f("pot0.ptau"));
await snarkjs.powersOfTau.contribute(f("pot0.ptau"), f("pot1.ptau"), "c1", "entropy-one");
await snarkjs.powersOfTau.preparePhase2(f("pot1.ptau"), f("pot.ptau"));
await snarkjs.zKey.newZKey(f("circuit.r1cs"), f("pot.ptau"), f("circuit0.zkey"));
await snarkjs.zKey.contribute(f("circuit0.zkey"), f("circuit.zkey"), "c2", "entropy-two");
const vk = await snarkjs.zKey.exportVerificationKey(f("circuit.zkey"));
writeFileSync(f("verification_key.json"), JSON.stringify(vk, null, 1), "utf-8");

await snarkjs.wtns.calculate(JSON.parse(inputJson), f(name + "_js/" + name + ".wasm"), f("witness.wtns"));
const t0 = performance.now();
const { proof, publicSignals } = await snarkjs.groth16.prove(f("circuit.zkey"), f("witness.wtns"));
const t1 = performance.now();
writeFileSync(f("proof.json"), JSON.stringify(proof, null, 1), "utf-8");
writeFileSync(f("public.json"), JSON.stringify(publicSignals, null, 1), "utf-8");
const ok = await snarkjs.groth16.verify(vk, publicSignals, proof);
const t2 = performance.now();
writeFileSync(f("timings.json"), JSON.stringify({ proveMs: t1 - t0, verifyMs: t2 - t1 }), "utf-8");
await curve.terminate();
if (!ok) {
    console.error("snarkjs rejected its own proof");
    process.exit(3);
}
process.exit(0);
