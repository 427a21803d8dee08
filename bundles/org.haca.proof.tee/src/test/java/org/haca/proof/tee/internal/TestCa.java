package org.haca.proof.tee.internal;

import org.haca.api.proof.TeeBinding;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.haca.api.proof.Statement;

/** A throw-away P-384 CA (root → intermediate → leaf) that signs synthetic Nitro documents carrying a HACA binding. */
public final class TestCa {
    public final KeyPair rootKey;
    public final X509Certificate root;
    public final X509Certificate intermediate;
    public final KeyPair leafKey;
    public final X509Certificate leaf;
    public final long notBefore;
    public final long notAfter;

    public TestCa(long notBefore, long notAfter) throws Exception {
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        rootKey = key();
        KeyPair interKey = key();
        leafKey = key();
        root = cert("CN=test root", rootKey, "CN=test root", rootKey, true);
        intermediate = cert("CN=test intermediate", interKey, "CN=test root", rootKey, true);
        leaf = cert("CN=test enclave", leafKey, "CN=test intermediate", interKey, false);
    }

    private static KeyPair key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        return g.generateKeyPair();
    }

    private X509Certificate cert(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey, boolean ca)
            throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(System.nanoTime()), new Date(notBefore), new Date(notAfter), new X500Name(subject),
                subjectKey.getPublic());
        if (ca) {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA384withECDSA").build(issuerKey.getPrivate())));
    }

    /** The payload map of a Nitro document, with the given user_data and nonce. */
    public Map<String, Object> payload(long timestamp, byte[] pcr0, byte[] userData, byte[] nonce) throws Exception {
        Map<Object, Object> pcrs = new LinkedHashMap<>();
        for (long i = 0; i < 16; i++) {
            pcrs.put(i, i == 0 ? pcr0 : new byte[48]);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("module_id", "i-test-enc0");
        p.put("digest", "SHA384");
        p.put("timestamp", timestamp);
        p.put("pcrs", pcrs);
        p.put("certificate", leaf.getEncoded());
        p.put("cabundle", List.of(root.getEncoded(), intermediate.getEncoded()));
        p.put("public_key", null);
        p.put("user_data", userData);
        p.put("nonce", nonce);
        return p;
    }

    /** A COSE_Sign1 over the payload, signed with {@code signer} (normally the leaf key). */
    public static byte[] sign(Map<String, Object> payload, PrivateKey signer) throws Exception {
        byte[] prot = TestCbor.encode(Map.of(1L, -35L));
        byte[] pay = TestCbor.encode(payload);
        byte[] sigStructure = TestCbor.encode(List.of("Signature1", prot, new byte[0], pay));
        Signature s = Signature.getInstance("SHA384withECDSA");
        s.initSign(signer);
        s.update(sigStructure);
        ASN1Sequence der = ASN1Sequence.getInstance(s.sign());
        byte[] rs = new byte[96];
        fixed(ASN1Integer.getInstance(der.getObjectAt(0)).getValue(), rs, 0);
        fixed(ASN1Integer.getInstance(der.getObjectAt(1)).getValue(), rs, 48);
        return TestCbor.encode(List.of(prot, Map.of(), pay, rs));
    }

    private static void fixed(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 48);
        System.arraycopy(b, b.length - n, out, off + 48 - n, n);
    }

    public byte[] document(Statement s, long timestamp, byte[] pcr0) throws Exception {
        return sign(payload(timestamp, pcr0, TeeBinding.of(s), TeeBinding.nonceBytes(s)), leafKey.getPrivate());
    }

    public static byte[] copy(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }
}
