package org.haca.chain.internal.core;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * secp256k1 ECDSA (RFC 6979 deterministic nonces, low-s only), keccak-256 Ethereum addresses, SHA-256 hashing.
 */
public final class Crypto {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());
    private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);
    private static final int POINT_CACHE_MAX = 100_000;
    /**
     * Decoded public keys. Besides saving the square root of point decompression, reusing the ECPoint instance lets
     * Bouncy Castle keep its per-point multiplication tables, which roughly halves verification time for repeat
     * signers. Pure cache: results are identical with or without it.
     */
    private static final java.util.concurrent.ConcurrentHashMap<java.nio.ByteBuffer, ECPoint> POINTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @throws IllegalArgumentException for bytes that are not a point on the curve */
    static ECPoint point(byte[] publicKey) {
        java.nio.ByteBuffer k = java.nio.ByteBuffer.wrap(publicKey.clone());
        ECPoint p = POINTS.get(k);
        if (p == null) {
            p = CURVE.getCurve().decodePoint(publicKey).normalize();
            if (POINTS.size() >= POINT_CACHE_MAX) {
                POINTS.clear();
            }
            POINTS.put(k, p);
        }
        return p;
    }

    private Crypto() {
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] keccak256(byte[] data) {
        KeccakDigest d = new KeccakDigest(256);
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** Ethereum address of a public key (compressed or uncompressed SEC1). */
    public static byte[] address(byte[] publicKey) {
        ECPoint p = point(publicKey);
        byte[] uncompressed = p.getEncoded(false);
        byte[] h = keccak256(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return Arrays.copyOfRange(h, 12, 32);
    }

    public static String addressHex(byte[] address) {
        return "0x" + Hex.encode(address);
    }

    /** Parses {@code 0x} + 40 hex digits (any case). */
    public static byte[] parseAddress(String s) {
        if (s == null || !(s.startsWith("0x") || s.startsWith("0X")) || s.length() != 42) {
            throw new IllegalArgumentException("an address is 0x followed by 40 hex digits");
        }
        return Hex.decode(s);
    }

    /**
     * Verifies a 64-byte r||s signature over a 32-byte digest. Rejects high-s (malleable) signatures and any
     * malformed key; never throws.
     */
    public static boolean verify(byte[] publicKey, byte[] digest, byte[] signature) {
        if (signature.length != 64 || digest.length != 32) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(DOMAIN.getN()) >= 0 || s.compareTo(HALF_N) > 0) {
            return false;
        }
        try {
            ECPoint q = point(publicKey);
            ECDSASigner v = new ECDSASigner();
            v.init(false, new ECPublicKeyParameters(q, DOMAIN));
            return v.verifySignature(digest, r, s);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A secp256k1 key pair. */
    public static final class KeyPair {
        private final BigInteger d;
        private final byte[] publicKey;
        private final byte[] address;

        private KeyPair(BigInteger d) {
            if (d.signum() <= 0 || d.compareTo(DOMAIN.getN()) >= 0) {
                throw new IllegalArgumentException("private key out of range");
            }
            this.d = d;
            this.publicKey = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize().getEncoded(true);
            this.address = Crypto.address(publicKey);
        }

        public static KeyPair generate(SecureRandom random) {
            while (true) {
                BigInteger d = new BigInteger(256, random);
                if (d.signum() > 0 && d.compareTo(DOMAIN.getN()) < 0) {
                    return new KeyPair(d);
                }
            }
        }

        public static KeyPair fromPrivateKey(byte[] key32) {
            return new KeyPair(new BigInteger(1, key32));
        }

        /** 33-byte compressed SEC1 public key. */
        public byte[] publicKey() {
            return publicKey.clone();
        }

        public byte[] address() {
            return address.clone();
        }

        public String addressHex() {
            return Crypto.addressHex(address);
        }

        public byte[] privateKey() {
            byte[] raw = d.toByteArray();
            byte[] out = new byte[32];
            int n = Math.min(32, raw.length);
            System.arraycopy(raw, raw.length - n, out, 32 - n, n);
            return out;
        }

        /** Deterministic (RFC 6979) low-s signature r||s over a 32-byte digest. */
        public byte[] sign(byte[] digest) {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, new ECPrivateKeyParameters(d, DOMAIN));
            BigInteger[] rs = signer.generateSignature(digest);
            BigInteger s = rs[1].compareTo(HALF_N) > 0 ? DOMAIN.getN().subtract(rs[1]) : rs[1];
            byte[] out = new byte[64];
            put32(rs[0], out, 0);
            put32(s, out, 32);
            return out;
        }

        private static void put32(BigInteger v, byte[] out, int off) {
            byte[] raw = v.toByteArray();
            int n = Math.min(32, raw.length);
            System.arraycopy(raw, raw.length - n, out, off + 32 - n, n);
        }
    }
}
