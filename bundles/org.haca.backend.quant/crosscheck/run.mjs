// Independent executor for the cross-check: runs every case of <dir>/cases.json with onnxruntime-node
// and writes <dir>/node-outputs.json ({caseId: {outputName: {shape, data}}}). Called by CrossCheckTest.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node run.mjs <dir with cases.json>');
  process.exit(2);
}
const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'));
const sessions = new Map();
const results = {};
for (const c of cases) {
  let session = sessions.get(c.model);
  if (!session) {
    session = await ort.InferenceSession.create(join(dir, c.model), { intraOpNumThreads: 1 });
    sessions.set(c.model, session);
  }
  const feeds = {};
  for (const [name, t] of Object.entries(c.inputs)) {
    feeds[name] = new ort.Tensor('float32', Float32Array.from(t.data), t.shape);
  }
  const out = await session.run(feeds);
  results[c.id] = {};
  for (const [name, t] of Object.entries(out)) {
    results[c.id][name] = { shape: t.dims.map(Number), data: Array.from(t.data) };
  }
}
writeFileSync(join(dir, 'node-outputs.json'), JSON.stringify(results));
console.log(`onnxruntime-node ${ort.env.versions?.node ?? ''} ran ${cases.length} cases`);
