package org.haca.chain.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.haca.api.economics.Supply;
import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Merkle;
import org.haca.chain.internal.core.Tx;
import org.haca.chain.internal.store.MemoryStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: for random (seeded, reproducible) sequences of valid and invalid transactions of every type, the supply
 * invariant holds after every block, and replaying the same blocks on a fresh node gives the same state root at every
 * height.
 */
class SupplyInvariantPropertyTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3, 42, 1337, 20260101 })
    void invariantHoldsAndReplayIsDeterministic(long seed) {
        Random rnd = new Random(seed);
        Fixture f = new Fixture();
        List<Crypto.KeyPair> actors = List.of(f.user, f.user2, f.node, f.validator, f.treasury, Fixture.key("x"));
        List<String> requestIds = new ArrayList<>();
        List<List<byte[]>> blocks = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<String> roots = new ArrayList<>();
        java.util.Map<String, Long> localNonce = new java.util.HashMap<>();
        int ok = 0, rejected = 0;
        for (int b = 0; b < 120; b++) {
            List<byte[]> txs = new ArrayList<>();
            int n = rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                Crypto.KeyPair k = actors.get(rnd.nextInt(actors.size()));
                long nonce = localNonce.computeIfAbsent(k.addressHex(), a -> f.chain.nonce(k.address()));
                if (rnd.nextInt(10) == 0) {
                    nonce += rnd.nextInt(3) - 1; // sometimes a wrong nonce
                }
                Tx.Body body = randomBody(rnd, actors, requestIds, f);
                byte[] raw = Tx.sign(Fixture.NET, Math.max(0, nonce), k, body).encoded();
                if (rnd.nextInt(25) == 0) {
                    raw = raw.clone();
                    raw[raw.length - 1 - rnd.nextInt(raw.length)] ^= (byte) (1 + rnd.nextInt(255)); // corrupt
                }
                txs.add(raw);
                localNonce.put(k.addressHex(), Math.max(0, nonce) + 1);
            }
            long time = f.time + 1000;
            var results = f.block(txs.toArray(new byte[0][]));
            for (var r : results) {
                if (r.ok()) {
                    ok++;
                } else {
                    rejected++;
                }
            }
            localNonce.clear();
            blocks.add(txs);
            times.add(time);
            roots.add(f.chain.lastCommitted().stateRoot());
            f.chain.assertInvariant(); // also asserted by the chain itself after every commit
            Supply s = f.chain.supply();
            assertEquals(s.total(), s.circulating() + s.staked() + s.escrowed() + s.burned());
        }
        assertTrue(ok > 80, "enough successful txs: " + ok);
        assertTrue(rejected > 10, "enough rejected txs: " + rejected);

        // replay on a fresh node: same roots at every height
        Chain replay = new Chain(new MemoryStore(), f.genesis(), () -> Fixture.PARAMS, true);
        for (int h = 0; h < blocks.size(); h++) {
            String root = replay.finalizeBlock(h + 1, times.get(h), blocks.get(h)).stateRoot();
            replay.commit();
            assertEquals(roots.get(h), root, "state root at height " + (h + 1));
            assertEquals(f.chain.block(h + 1).orElseThrow().hash(), replay.block(h + 1).orElseThrow().hash());
        }
    }

    private static Tx.Body randomBody(Random rnd, List<Crypto.KeyPair> actors, List<String> ids, Fixture f) {
        Crypto.KeyPair other = actors.get(rnd.nextInt(actors.size()));
        switch (rnd.nextInt(9)) {
            case 0, 1:
                return new Tx.Transfer(other.address(), rnd.nextInt(5) == 0 ? 5_000_000 : 1 + rnd.nextInt(50_000));
            case 2:
                return new Tx.RegisterNode(rnd.nextInt(20_000), 1 + rnd.nextInt(7), new byte[rnd.nextInt(4)]);
            case 3, 4: {
                String id = "req-" + rnd.nextInt(1000);
                ids.add(id);
                return Fixture.result(id, rnd.nextBoolean() ? f.node : other, rnd.nextInt(3), rnd.nextInt(30_000));
            }
            case 5, 6: {
                String id = ids.isEmpty() ? "none" : ids.get(rnd.nextInt(ids.size()));
                return new Tx.Verdict(id, rnd.nextBoolean(), "random verdict");
            }
            case 7: {
                List<byte[]> leaves = new ArrayList<>();
                for (int i = 0, n = 1 + rnd.nextInt(20); i < n; i++) {
                    leaves.add(Crypto.sha256(new byte[] { (byte) rnd.nextInt(), (byte) i }));
                }
                return new Tx.BatchSettle(rnd.nextBoolean() ? f.node.address() : other.address(), rnd.nextInt(5_000),
                        Merkle.root(leaves), leaves);
            }
            default:
                return rnd.nextBoolean() ? new Tx.Unbond(1 + rnd.nextInt(30_000)) : new Tx.Withdraw();
        }
    }
}
