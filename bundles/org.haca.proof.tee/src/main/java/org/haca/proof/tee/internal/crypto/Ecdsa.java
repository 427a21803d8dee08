package org.haca.proof.tee.internal.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECDSA verification on P-256 and P-384 with Bouncy Castle's lightweight API (its optimised custom curves are several
 * times faster than the JDK 17 provider). No provider is registered; nothing global is touched.
 */
public final class Ecdsa {
    public static final ECDomainParameters P256 = domain(CustomNamedCurves.getByName("secp256r1"));
    public static final ECDomainParameters P384 = domain(CustomNamedCurves.getByName("secp384r1"));

    private Ecdsa() {
    }

    private static ECDomainParameters domain(X9ECParameters x9) {
        return new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH(), x9.getSeed());
    }

    /** An EC public key from a DER SubjectPublicKeyInfo (P-256 or P-384 named curve only). */
    public static ECPublicKeyParameters fromSpki(byte[] spki) throws CryptoException {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki));
            if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())) {
                throw new CryptoException("not an EC public key");
            }
            if (!(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
                throw new CryptoException("EC key without a named curve");
            }
            ECDomainParameters d;
            if (SECObjectIdentifiers.secp384r1.equals(curve)) {
                d = P384;
            } else if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
                d = P256;
            } else {
                throw new CryptoException("unsupported curve " + curve);
            }
            return point(d, info.getPublicKeyData().getOctets());
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("malformed public key: " + e.getMessage());
        }
    }

    /** A P-256 key from 64 raw bytes x ‖ y (Intel quote attestation key). */
    public static ECPublicKeyParameters p256Raw(byte[] xy) throws CryptoException {
        if (xy.length != 64) {
            throw new CryptoException("raw P-256 key must be 64 bytes");
        }
        byte[] enc = new byte[65];
        enc[0] = 4;
        System.arraycopy(xy, 0, enc, 1, 64);
        return point(P256, enc);
    }

    private static ECPublicKeyParameters point(ECDomainParameters d, byte[] encoded) throws CryptoException {
        try {
            ECPoint p = d.getCurve().decodePoint(encoded).normalize();
            if (p.isInfinity() || !p.isValid()) {
                throw new CryptoException("public key is not a valid curve point");
            }
            return new ECPublicKeyParameters(p, d);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CryptoException("public key is not a valid curve point");
        }
    }

    /** Verifies a raw r ‖ s signature over a message digest. */
    public static boolean verifyRaw(ECPublicKeyParameters key, byte[] digest, byte[] rs) {
        int n = (key.getParameters().getN().bitLength() + 7) / 8;
        if (rs == null || rs.length != 2 * n) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, n));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, n, 2 * n));
        return verify(key, digest, r, s);
    }

    /** Verifies a DER ECDSA-Sig-Value (strict DER: re-encoding must give the same bytes). */
    public static boolean verifyDer(ECPublicKeyParameters key, byte[] digest, byte[] der) {
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (seq.size() != 2 || !Arrays.equals(seq.getEncoded(ASN1Encoding.DER), der)) {
                return false;
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
            return verify(key, digest, r, s);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean verify(ECPublicKeyParameters key, byte[] digest, BigInteger r, BigInteger s) {
        BigInteger order = key.getParameters().getN();
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
            return false;
        }
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, key);
        return signer.verifySignature(digest, r, s);
    }
}
