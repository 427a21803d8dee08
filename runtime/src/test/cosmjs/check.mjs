// Usage: node check.mjs <rpc url> <signed tx hex> <second signed tx hex>
// Exercises every method of haca's CometBFT JSON-RPC subset through cosmjs' Comet38Client; exits non-zero on any
// decoding error or unexpected value.
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { fromHex, toHex } from "@cosmjs/encoding";
import assert from "node:assert/strict";

const [url, hex1, hex2] = process.argv.slice(2);
const [tx1, tx2] = [fromHex(hex1), fromHex(hex2)];
const client = await Comet38Client.connect(url);
const status = await client.status();
assert.equal(status.validatorInfo.pubkey.algorithm, "secp256k1");
const sync = await client.broadcastTxSync({ tx: tx1 });
assert.equal(sync.code, 0, sync.log);
const commit = await client.broadcastTxCommit({ tx: tx2 });
assert.equal(commit.checkTx.code, 0);
assert.equal(commit.txResult.code, 0, commit.txResult.log);
const tx = await client.tx({ hash: commit.hash });
assert.equal(tx.height, commit.height);
assert.equal(toHex(tx.tx), hex2);
const block = await client.block(commit.height);
assert.equal(block.block.header.height, commit.height);
assert.equal(block.block.header.chainId, status.nodeInfo.network);
assert.ok(block.block.txs.some((t) => toHex(t) === hex2));
const first = await client.block(1);
assert.equal(first.block.lastCommit, null);
const chain = await client.blockchain(1, commit.height);
assert.equal(chain.lastHeight >= commit.height, true);
assert.equal(chain.blockMetas[0].header.height, commit.height);
const supply = await client.abciQuery({ path: "/supply", data: new Uint8Array() });
assert.equal(supply.code, 0);
const s = JSON.parse(new TextDecoder().decode(supply.value));
assert.equal(s.total, s.circulating + s.staked + s.escrowed + s.burned);
const replay = await client.broadcastTxSync({ tx: tx1 });
assert.notEqual(replay.code, 0);
client.disconnect();
console.log(`cosmjs ok: height ${commit.height}, supply ${s.total}`);
