package org.haca.chain.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.haca.api.chain.TxResult;
import org.haca.chain.internal.core.Tx;
import org.haca.chain.internal.store.RocksStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksPersistenceTest {

    @Test
    void reopenContinuesFromTheCommittedState(@TempDir Path dir) {
        Fixture f = new Fixture(new RocksStore(dir));
        TxResult t = f.block(f.tx(f.user, new Tx.Transfer(f.user2.address(), 10))).get(0);
        f.block(f.tx(f.user, Fixture.result("req-1", f.node, Tx.MODE_TEE, 1_000)));
        String root = f.chain.lastCommitted().stateRoot();
        String hash2 = f.chain.block(2).orElseThrow().hash();
        f.chain.close();

        Fixture g = new Fixture(new RocksStore(dir));
        assertEquals(2, g.chain.height());
        assertEquals(root, g.chain.lastCommitted().stateRoot());
        assertEquals(hash2, g.chain.block(2).orElseThrow().hash());
        assertEquals(1, g.chain.tx(t.txHash()).orElseThrow().height());
        assertEquals(Fixture.USER_FUNDS - 1_010, g.balance(g.user));
        assertEquals("PENDING", g.chain.inference("req-1").orElseThrow().status().name());
        // and it goes on: next block links to the stored one
        g.time = f.time;
        assertEquals(0, g.block(g.tx(g.validator, new Tx.Verdict("req-1", true, "ok"))).get(0).code());
        assertEquals(hash2, g.chain.block(3).orElseThrow().previousHash());
        g.chain.close();
    }

    @Test
    void tamperedStateIsDetectedOnOpen(@TempDir Path dir) throws Exception {
        Fixture f = new Fixture(new RocksStore(dir));
        f.block(f.tx(f.user, new Tx.Transfer(f.user2.address(), 10)));
        f.chain.close();
        // write a state entry behind the chain's back
        try (org.rocksdb.RocksDB db = org.rocksdb.RocksDB.open(dir.toString())) {
            byte[] k = org.haca.chain.internal.core.Records.key(org.haca.chain.internal.core.Records.ACCOUNT,
                    f.user.address());
            byte[] sk = new byte[k.length + 1];
            sk[0] = 's';
            System.arraycopy(k, 0, sk, 1, k.length);
            db.put(sk, new org.haca.chain.internal.core.Wire.Writer().u64(999_999_999).u64(1).toByteArray());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Fixture(new RocksStore(dir)));
        assertTrue(e.getMessage().contains("state root mismatch"), e.getMessage());
    }
}
