package org.haca.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Decides whether a plugin jar may be deployed: standard JAR signing (jarsigner), verified by {@link JarFile} with
 * verification on, every entry signed by one signer whose certificate chain validates (PKIX, no revocation check)
 * against the configured trust store.
 *
 * <p>Tampered jars (an entry changed after signing) fail JarFile's digest check with a SecurityException; entries
 * added after signing have no code signers. Both are refused in every mode: a broken signature is never a dev
 * convenience. Unsigned or untrusted jars are refused in production and allowed with a warning in dev mode.
 */
final class PluginVerifier {

    /** The outcome: accepted or not, and a reason fit for the operator's log. */
    record Verdict(boolean accepted, String reason) {
        static Verdict accept(String reason) {
            return new Verdict(true, reason);
        }

        static Verdict refuse(String reason) {
            return new Verdict(false, reason);
        }
    }

    private final Set<TrustAnchor> anchors;
    private final boolean dev;

    /**
     * @param trusted trusted certificates (roots or the signers' own self-signed certificates); may be empty
     * @param dev     dev mode: unsigned and untrusted jars are accepted with a warning
     */
    PluginVerifier(List<X509Certificate> trusted, boolean dev) {
        Set<TrustAnchor> a = new HashSet<>();
        for (X509Certificate c : trusted) {
            a.add(new TrustAnchor(c, null));
        }
        this.anchors = Collections.unmodifiableSet(a);
        this.dev = dev;
    }

    boolean hasTrustStore() {
        return !anchors.isEmpty();
    }

    Verdict verify(Path jar) {
        Set<CodeSigner> common = null;
        int signedEntries = 0;
        String firstUnsigned = null;
        try (JarFile jf = new JarFile(jar.toFile(), true)) {
            if (jf.getManifest() == null) {
                return unsignedOrRefuse("no manifest: not a signed jar");
            }
            byte[] buf = new byte[8192];
            for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements();) {
                JarEntry e = en.nextElement();
                // reading the entry to its end is what makes JarFile check its digest
                try (InputStream in = jf.getInputStream(e)) {
                    while (in.read(buf) >= 0) {
                        // drain
                    }
                }
                if (e.isDirectory() || isSignatureFile(e.getName())) {
                    continue;
                }
                CodeSigner[] signers = e.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    if (firstUnsigned == null) {
                        firstUnsigned = e.getName();
                    }
                    continue;
                }
                Set<CodeSigner> these = new LinkedHashSet<>(List.of(signers));
                if (common == null) {
                    common = these;
                } else {
                    common.retainAll(these);
                }
                signedEntries++;
            }
        } catch (SecurityException e) {
            return Verdict.refuse("signature check failed (tampered after signing?): " + e.getMessage());
        } catch (IOException e) {
            return Verdict.refuse("not a readable jar: " + e.getMessage());
        }
        if (signedEntries == 0) {
            return unsignedOrRefuse("unsigned jar");
        }
        if (firstUnsigned != null) {
            // a partly signed jar is a signed jar that was changed: never accepted, not even in dev mode
            return Verdict.refuse("entry " + firstUnsigned + " is not signed (added after signing?)");
        }
        if (common.isEmpty()) {
            return Verdict.refuse("no single signer signed every entry");
        }
        List<String> why = new ArrayList<>();
        for (CodeSigner s : common) {
            String problem = trustProblem(s.getSignerCertPath());
            if (problem == null) {
                return Verdict.accept("signed by trusted " + subject(s.getSignerCertPath()));
            }
            why.add(subject(s.getSignerCertPath()) + ": " + problem);
        }
        String reason = "signer not trusted (" + String.join("; ", why) + ")";
        return dev ? Verdict.accept("DEV MODE, accepted although " + reason) : Verdict.refuse(reason);
    }

    private Verdict unsignedOrRefuse(String reason) {
        return dev ? Verdict.accept("DEV MODE, accepted although " + reason) : Verdict.refuse(reason);
    }

    /** Null when the path validates against a trust anchor, else why not. */
    private String trustProblem(CertPath path) {
        if (anchors.isEmpty()) {
            return "no plugin trust store configured (--plugin-truststore / HACA_PLUGIN_TRUSTSTORE)";
        }
        try {
            List<? extends Certificate> certs = path.getCertificates();
            // a self-signed signer certificate listed in the trust store is its own anchor; PKIX wants the path
            // without the anchor, so validate an empty-ended path by checking the certificate directly
            X509Certificate leaf = (X509Certificate) certs.get(0);
            for (TrustAnchor a : anchors) {
                if (a.getTrustedCert().equals(leaf)) {
                    leaf.checkValidity();
                    return null;
                }
            }
            List<Certificate> withoutAnchors = new ArrayList<>();
            for (Certificate c : certs) {
                if (anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c))) {
                    withoutAnchors.add(c);
                }
            }
            CertPath p = CertificateFactory.getInstance("X.509").generateCertPath(withoutAnchors);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(p, params);
            return null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return e.getMessage();
        }
    }

    private static String subject(CertPath path) {
        return ((X509Certificate) path.getCertificates().get(0)).getSubjectX500Principal().getName();
    }

    /** The manifest and signature block files are what signing produces, so they carry no signers of their own. */
    static boolean isSignatureFile(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (!n.startsWith("META-INF/") || n.indexOf('/', 9) >= 0) {
            return false;
        }
        return n.equals("META-INF/MANIFEST.MF") || n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")
                || n.endsWith(".EC") || n.startsWith("META-INF/SIG-");
    }

    /**
     * Loads trusted certificates: a PEM/DER file of certificates, or a PKCS12/JKS key store (every certificate in
     * it, trusted entries and key entries' chains alike).
     */
    static List<X509Certificate> loadTrustStore(Path file, String password) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        List<X509Certificate> out = new ArrayList<>();
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1);
        if (head.contains("-----BEGIN")) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    out.add((X509Certificate) c);
                }
            }
        } else {
            char[] pw = password == null ? new char[0] : password.toCharArray();
            KeyStore ks = KeyStore.getInstance(file.toFile(), pw);
            for (Enumeration<String> aliases = ks.aliases(); aliases.hasMoreElements();) {
                String alias = aliases.nextElement();
                Certificate c = ks.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
        }
        if (out.isEmpty()) {
            throw new GeneralSecurityException("no certificates in plugin trust store " + file);
        }
        return out;
    }
}
