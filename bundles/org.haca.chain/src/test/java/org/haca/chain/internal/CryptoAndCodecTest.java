package org.haca.chain.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Hex;
import org.haca.chain.internal.core.MalformedException;
import org.haca.chain.internal.core.Merkle;
import org.haca.chain.internal.core.Tx;
import org.junit.jupiter.api.Test;

class CryptoAndCodecTest {

    @Test
    void keccakAndAddressMatchKnownEthereumVectors() {
        // keccak256("") from the Ethereum yellow paper
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
                Hex.encode(Crypto.keccak256(new byte[0])));
        // private key 1 -> address of the generator point (widely published)
        byte[] one = new byte[32];
        one[31] = 1;
        assertEquals("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf", Crypto.KeyPair.fromPrivateKey(one).addressHex());
    }

    @Test
    void signatureVerifiesAndRejectsTampering() {
        Crypto.KeyPair k = Crypto.KeyPair.generate(new SecureRandom());
        byte[] digest = Crypto.sha256("hello".getBytes());
        byte[] sig = k.sign(digest);
        assertTrue(Crypto.verify(k.publicKey(), digest, sig));
        byte[] bad = sig.clone();
        bad[10] ^= 1;
        assertFalse(Crypto.verify(k.publicKey(), digest, bad));
        assertFalse(Crypto.verify(Fixture.key("other").publicKey(), digest, sig));
        assertFalse(Crypto.verify(new byte[33], digest, sig), "invalid point must not throw");
        // high-s twin of a valid signature is rejected (malleability)
        java.math.BigInteger n = Crypto.DOMAIN.getN();
        java.math.BigInteger s = new java.math.BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        byte[] hs = n.subtract(s).toByteArray();
        byte[] high = sig.clone();
        Arrays.fill(high, 32, 64, (byte) 0);
        System.arraycopy(hs, Math.max(0, hs.length - 32), high, 64 - Math.min(32, hs.length), Math.min(32, hs.length));
        assertFalse(Crypto.verify(k.publicKey(), digest, high));
    }

    @Test
    void everyTxTypeRoundTrips() throws Exception {
        Crypto.KeyPair k = Fixture.key("a");
        byte[] h = new byte[32];
        List<Tx.Body> bodies = List.of(new Tx.Transfer(k.address(), 5), new Tx.RegisterNode(10, 3, new byte[] { 1 }),
                Fixture.result("r1", k, Tx.MODE_TEE, 7), Fixture.result("r2", k, Tx.MODE_VANILLA, 7),
                new Tx.Verdict("r1", true, "ok"), new Tx.BatchSettle(k.address(), 9, Merkle.root(List.of(h)), List.of(h)),
                new Tx.Unbond(3), new Tx.Withdraw());
        for (Tx.Body b : bodies) {
            Tx t = Tx.sign("net", 42, k, b);
            Tx d = Tx.decode(t.encoded());
            assertEquals(b.type(), d.type());
            assertEquals(42, d.nonce());
            assertEquals("net", d.network());
            assertTrue(d.verifySignature());
            assertArrayEquals(k.address(), d.sender());
            assertArrayEquals(t.encoded(), Tx.sign("net", 42, k, d.body()).encoded(), "canonical re-encoding");
        }
    }

    @Test
    void strictDecodingRejectsMalformedInput() {
        Crypto.KeyPair k = Fixture.key("a");
        byte[] ok = Tx.sign("net", 0, k, new Tx.Transfer(k.address(), 5)).encoded();
        assertThrows(MalformedException.class, () -> Tx.decode(new byte[0]));
        assertThrows(MalformedException.class, () -> Tx.decode(Arrays.copyOf(ok, ok.length - 1)), "truncated");
        assertThrows(MalformedException.class, () -> Tx.decode(Arrays.copyOf(ok, ok.length + 1)), "trailing");
        byte[] v2 = ok.clone();
        v2[0] = 2;
        assertThrows(MalformedException.class, () -> Tx.decode(v2), "version");
        byte[] unknown = ok.clone();
        unknown[1] = 99;
        MalformedException e = assertThrows(MalformedException.class, () -> Tx.decode(unknown));
        assertTrue(e.getMessage().startsWith("unknown tx type"));
        byte[] huge = new byte[Tx.MAX_TX_BYTES + 1];
        assertThrows(MalformedException.class, () -> Tx.decode(huge));
        // negative amount
        byte[] neg = ok.clone();
        neg[ok.length - 64 - 8] = (byte) 0x80;
        assertThrows(MalformedException.class, () -> Tx.decode(neg));
    }

    @Test
    void merkleRootMatchesRfc6962Shape() {
        byte[] a = { 1 }, b = { 2 }, c = { 3 };
        assertArrayEquals(Crypto.sha256(new byte[0]), Merkle.root(List.of()));
        byte[] la = Crypto.sha256(new byte[] { 0, 1 });
        assertArrayEquals(la, Merkle.root(List.of(a)));
        byte[] lb = Crypto.sha256(new byte[] { 0, 2 });
        byte[] lc = Crypto.sha256(new byte[] { 0, 3 });
        byte[] ab = Crypto.sha256(concat(new byte[] { 1 }, la, lb));
        assertArrayEquals(Crypto.sha256(concat(new byte[] { 1 }, ab, lc)), Merkle.root(List.of(a, b, c)));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
