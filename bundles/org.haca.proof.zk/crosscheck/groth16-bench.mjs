// Times snarkjs's Groth16 prove and verify on an existing fixture (see groth16-fixtures.mjs), warm, in one process.
// Usage: node groth16-bench.mjs <fixtureDir> <repetitions>; prints JSON {proveMs, proveCpuMs (process CPU time, all threads), verifyMs}.
import path from "node:path";
import { readFileSync } from "node:fs";
import * as snarkjs from "snarkjs";

const [dir, repsArg] = process.argv.slice(2);
const reps = Number(repsArg);
const curve = await snarkjs.curves.getCurveFromName("bn128");
const vk = JSON.parse(readFileSync(path.join(dir, "verification_key.json"), "utf-8"));
const proveMs = [];
const verifyMs = [];
const proveCpuMs = [];
for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { proof, publicSignals } = await snarkjs.groth16.prove(path.join(dir, "circuit.zkey"),
        path.join(dir, "witness.wtns"));
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    proveCpuMs.push(Math.round((c1.user + c1.system) / 1000));
    const ok = await snarkjs.groth16.verify(vk, publicSignals, proof);
    const t2 = performance.now();
    if (!ok) {
        console.error("snarkjs rejected its own proof");
        process.exit(3);
    }
    proveMs.push(Math.round(t1 - t0));
    verifyMs.push(Math.round(t2 - t1));
}
console.log(JSON.stringify({ proveMs, proveCpuMs, verifyMs }));
await curve.terminate();
process.exit(0);
