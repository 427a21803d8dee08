package org.haca.proof.tee.internal.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.haca.proof.tee.internal.Hex;

/** X.509 parsing (JDK) and pinned-root loading. */
public final class Certs {
    private Certs() {
    }

    private static CertificateFactory factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 missing from the JRE", e);
        }
    }

    /** Exactly one DER certificate; its encoding must be the input bytes (no trailing data, no BER). */
    public static X509Certificate parseDer(byte[] der) throws CryptoException {
        try {
            X509Certificate c = (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
            if (!java.util.Arrays.equals(c.getEncoded(), der)) {
                throw new CryptoException("certificate is not in canonical DER");
            }
            return c;
        } catch (CertificateException | RuntimeException e) {
            throw new CryptoException("malformed certificate: " + e.getMessage());
        }
    }

    /** All certificates of a PEM text, in order. */
    public static List<X509Certificate> parsePemChain(String pem) throws CryptoException {
        List<X509Certificate> out = new ArrayList<>();
        String begin = "-----BEGIN CERTIFICATE-----";
        String end = "-----END CERTIFICATE-----";
        int from = 0;
        while (true) {
            int b = pem.indexOf(begin, from);
            if (b < 0) {
                break;
            }
            int e = pem.indexOf(end, b);
            if (e < 0) {
                throw new CryptoException("unterminated PEM certificate");
            }
            String body = pem.substring(b + begin.length(), e).replaceAll("\\s", "");
            byte[] der;
            try {
                der = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException ex) {
                throw new CryptoException("PEM certificate is not base64");
            }
            out.add(parseDer(der));
            from = e + end.length();
            if (out.size() > 8) {
                throw new CryptoException("PEM chain longer than 8 certificates");
            }
        }
        if (out.isEmpty()) {
            throw new CryptoException("no PEM certificate found");
        }
        return out;
    }

    public static X509CRL parseCrl(byte[] der) throws CryptoException {
        try {
            Collection<? extends java.security.cert.CRL> crls = factory().generateCRLs(new ByteArrayInputStream(der));
            if (crls.size() != 1) {
                throw new CryptoException("expected exactly one CRL");
            }
            X509CRL crl = (X509CRL) crls.iterator().next();
            if (!java.util.Arrays.equals(crl.getEncoded(), der)) {
                throw new CryptoException("CRL is not in canonical DER");
            }
            return crl;
        } catch (java.security.cert.CRLException | RuntimeException e) {
            throw new CryptoException("malformed CRL: " + e.getMessage());
        }
    }

    /** Loads a pinned root from a bundle resource and refuses it unless its DER has the expected SHA-256. */
    public static X509Certificate loadPinned(Class<?> anchor, String resource, String sha256Hex) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("pinned root " + resource + " missing from the bundle");
            }
            X509Certificate c = parsePemChain(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).get(0);
            String fp = Hex.encode(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
            if (!fp.equals(sha256Hex)) {
                throw new IllegalStateException("pinned root " + resource + " has fingerprint " + fp + ", expected "
                        + sha256Hex);
            }
            return c;
        } catch (IOException | CryptoException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load pinned root " + resource + ": " + e.getMessage(), e);
        }
    }
}
