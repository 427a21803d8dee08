package org.haca.proof.tee.internal.tdx;

import java.math.BigInteger;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/** The Intel SGX PCK certificate extension (OID 1.2.840.113741.1.13.1): TCB components, PCESVN, PCE-ID, FMSPC. */
public record PckExtension(int[] sgxTcbComponents, int pceSvn, byte[] pceId, byte[] fmspc) {
    static final String SGX_EXT = "1.2.840.113741.1.13.1";

    public static PckExtension of(X509Certificate pck) throws TdxFormatException {
        byte[] ext = pck.getExtensionValue(SGX_EXT);
        if (ext == null) {
            throw new TdxFormatException("PCK certificate has no SGX extension");
        }
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(ASN1Primitive.fromByteArray(ext)).getOctets()));
            int[] comps = null;
            Integer pceSvn = null;
            byte[] pceId = null;
            byte[] fmspc = null;
            for (ASN1Encodable e : seq) {
                ASN1Sequence kv = ASN1Sequence.getInstance(e);
                String oid = ASN1ObjectIdentifier.getInstance(kv.getObjectAt(0)).getId();
                if (oid.equals(SGX_EXT + ".2")) {
                    comps = new int[16];
                    boolean[] seen = new boolean[18];
                    for (ASN1Encodable t : ASN1Sequence.getInstance(kv.getObjectAt(1))) {
                        ASN1Sequence tkv = ASN1Sequence.getInstance(t);
                        String toid = ASN1ObjectIdentifier.getInstance(tkv.getObjectAt(0)).getId();
                        String prefix = SGX_EXT + ".2.";
                        if (!toid.startsWith(prefix)) {
                            continue;
                        }
                        int idx = Integer.parseInt(toid.substring(prefix.length()));
                        if (idx >= 1 && idx <= 16) {
                            comps[idx - 1] = small(ASN1Integer.getInstance(tkv.getObjectAt(1)).getValue());
                            seen[idx - 1] = true;
                        } else if (idx == 17) {
                            pceSvn = small(ASN1Integer.getInstance(tkv.getObjectAt(1)).getValue());
                            seen[16] = true;
                        }
                    }
                    for (int i = 0; i < 17; i++) {
                        if (!seen[i]) {
                            throw new TdxFormatException("PCK TCB extension lacks component " + (i + 1));
                        }
                    }
                } else if (oid.equals(SGX_EXT + ".3")) {
                    pceId = ASN1OctetString.getInstance(kv.getObjectAt(1)).getOctets();
                } else if (oid.equals(SGX_EXT + ".4")) {
                    fmspc = ASN1OctetString.getInstance(kv.getObjectAt(1)).getOctets();
                }
            }
            if (comps == null || pceSvn == null || pceId == null || fmspc == null || pceId.length != 2
                    || fmspc.length != 6) {
                throw new TdxFormatException("PCK SGX extension lacks TCB, PCE-ID or FMSPC");
            }
            return new PckExtension(comps, pceSvn, pceId, fmspc);
        } catch (java.io.IOException | RuntimeException e) {
            throw new TdxFormatException("malformed PCK SGX extension: " + e.getMessage());
        }
    }

    private static int small(BigInteger v) throws TdxFormatException {
        if (v.signum() < 0 || v.bitLength() > 16) {
            throw new TdxFormatException("TCB component out of range");
        }
        return v.intValue();
    }
}
