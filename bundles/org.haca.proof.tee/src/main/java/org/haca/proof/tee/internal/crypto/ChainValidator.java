package org.haca.proof.tee.internal.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Validates an ECDSA certificate chain up to a pinned root: issuer/subject chaining, every signature (strict DER,
 * ecdsa-with-SHA256/384 only), CA basic constraints with path lengths, keyCertSign, and no unknown critical extension.
 * Time is not part of it: the result carries the intersection of all validity windows, checked by the caller against
 * the verification time, so a validated chain can be cached (the result is a pure function of the certificates).
 */
public final class ChainValidator {
    private static final Set<String> KNOWN_CRITICAL = Set.of("2.5.29.19", "2.5.29.15");
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String ECDSA_SHA384 = "1.2.840.10045.4.3.3";

    /** A chain whose signatures and structure verified; usable in [notBefore, notAfter] (epoch ms, inclusive). */
    public record Validated(X509Certificate leaf, ECPublicKeyParameters leafKey, long notBefore, long notAfter) {
        public boolean validAt(Instant at) {
            long t = at.toEpochMilli();
            return t >= notBefore && t <= notAfter;
        }

        public String window() {
            return "[" + Instant.ofEpochMilli(notBefore) + ", " + Instant.ofEpochMilli(notAfter) + "]";
        }
    }

    private final X509Certificate root;
    private final ECPublicKeyParameters rootKey;
    private final int cacheSize;
    private final Map<String, Validated> cache;

    /** @param cacheSize 0 disables caching */
    public ChainValidator(X509Certificate root, int cacheSize) {
        this.root = root;
        try {
            this.rootKey = Ecdsa.fromSpki(root.getPublicKey().getEncoded());
        } catch (CryptoException e) {
            throw new IllegalStateException("pinned root has no usable EC key: " + e.getMessage());
        }
        this.cacheSize = cacheSize;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Validated> eldest) {
                return size() > ChainValidator.this.cacheSize;
            }
        };
    }

    public X509Certificate root() {
        return root;
    }

    /**
     * @param leafFirst the leaf, then each issuer up to (excluding) the pinned root
     */
    public Validated validate(List<byte[]> leafFirstDer) throws CryptoException {
        if (leafFirstDer.isEmpty() || leafFirstDer.size() > 8) {
            throw new CryptoException("chain must hold 1..8 certificates below the root");
        }
        String key = null;
        if (cacheSize > 0) {
            java.security.MessageDigest md = Digests.get("SHA-256");
            for (byte[] der : leafFirstDer) {
                md.update(new byte[] { (byte) (der.length >>> 24), (byte) (der.length >>> 16),
                        (byte) (der.length >>> 8), (byte) der.length });
                md.update(der);
            }
            key = org.haca.proof.tee.internal.Hex.encode(md.digest());
            synchronized (cache) {
                Validated hit = cache.get(key);
                if (hit != null) {
                    return hit;
                }
            }
        }
        X509Certificate[] certs = new X509Certificate[leafFirstDer.size()];
        for (int i = 0; i < certs.length; i++) {
            certs[i] = Certs.parseDer(leafFirstDer.get(i));
        }
        Validated v = validate(certs);
        if (key != null) {
            synchronized (cache) {
                cache.put(key, v);
            }
        }
        return v;
    }

    public Validated validate(X509Certificate[] certs) throws CryptoException {
        long notBefore = root.getNotBefore().getTime();
        long notAfter = root.getNotAfter().getTime();
        checkCritical(root, "root");
        for (int i = 0; i < certs.length; i++) {
            X509Certificate child = certs[i];
            boolean issuerIsRoot = i == certs.length - 1;
            X509Certificate issuer = issuerIsRoot ? root : certs[i + 1];
            String who = i == 0 ? "leaf" : "intermediate " + i;
            if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw new CryptoException(who + " issuer does not match the next certificate's subject");
            }
            int pathLen = issuer.getBasicConstraints();
            if (pathLen < 0) {
                throw new CryptoException("issuer of " + who + " is not a CA");
            }
            // CA certificates below this issuer: the intermediates between it and the leaf
            int casBelow = i;
            if (casBelow > pathLen) {
                throw new CryptoException("path length constraint of the issuer of " + who + " exceeded");
            }
            boolean[] ku = issuer.getKeyUsage();
            if (ku != null && (ku.length < 6 || !ku[5])) {
                throw new CryptoException("issuer of " + who + " may not sign certificates");
            }
            checkCritical(child, who);
            ECPublicKeyParameters issuerKey = issuerIsRoot ? rootKey : Ecdsa.fromSpki(issuer.getPublicKey().getEncoded());
            if (!verifySignature(child, issuerKey)) {
                throw new CryptoException(who + " signature does not verify with its issuer's key");
            }
            notBefore = Math.max(notBefore, child.getNotBefore().getTime());
            notAfter = Math.min(notAfter, child.getNotAfter().getTime());
        }
        if (notBefore > notAfter) {
            throw new CryptoException("certificate validity windows do not overlap");
        }
        return new Validated(certs[0], Ecdsa.fromSpki(certs[0].getPublicKey().getEncoded()), notBefore, notAfter);
    }

    private static void checkCritical(X509Certificate c, String who) throws CryptoException {
        Set<String> crit = c.getCriticalExtensionOIDs();
        if (crit != null) {
            for (String oid : crit) {
                if (!KNOWN_CRITICAL.contains(oid)) {
                    throw new CryptoException(who + " has an unknown critical extension " + oid);
                }
            }
        }
    }

    /** Verifies a certificate's or CRL's ECDSA signature over its TBS bytes. */
    public static boolean verifySignature(X509Certificate c, ECPublicKeyParameters issuerKey) {
        try {
            return verifyTbs(c.getSigAlgOID(), c.getTBSCertificate(), c.getSignature(), issuerKey);
        } catch (java.security.cert.CertificateEncodingException | RuntimeException e) {
            return false;
        }
    }

    public static boolean verifyTbs(String sigAlgOid, byte[] tbs, byte[] sig, ECPublicKeyParameters key) {
        String digest;
        if (ECDSA_SHA256.equals(sigAlgOid)) {
            digest = "SHA-256";
        } else if (ECDSA_SHA384.equals(sigAlgOid)) {
            digest = "SHA-384";
        } else {
            return false;
        }
        return Ecdsa.verifyDer(key, Digests.get(digest).digest(tbs), sig);
    }

    static boolean same(X509Certificate a, byte[] der) {
        try {
            return Arrays.equals(a.getEncoded(), der);
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
    }
}
