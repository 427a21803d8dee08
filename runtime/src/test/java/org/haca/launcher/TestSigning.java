package org.haca.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jdk.security.jarsigner.JarSigner;

/** Test keys and jars: keys from the JDK's keytool, signatures from the JDK's JarSigner API (what jarsigner uses). */
final class TestSigning {
    private TestSigning() {
    }

    /** A fresh EC key with a self-signed certificate, made by keytool. */
    static KeyStore.PrivateKeyEntry newKey(Path dir, String cn) throws Exception {
        Path ks = dir.resolve(cn + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "signer", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn,
                "-validity", "30").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore store = KeyStore.getInstance(ks.toFile(), "changeit".toCharArray());
        return (KeyStore.PrivateKeyEntry) store.getEntry("signer",
                new KeyStore.PasswordProtection("changeit".toCharArray()));
    }

    static X509Certificate cert(KeyStore.PrivateKeyEntry key) {
        return (X509Certificate) key.getCertificate();
    }

    /** The certificate as a PEM trust store file. */
    static Path pem(Path file, X509Certificate... certs) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            sb.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    /** A small bundle-like jar with the given entries. */
    static Path jar(Path file, Map<String, String> entries) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", "test.plugin");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), mf)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    static Path sign(Path in, Path out, KeyStore.PrivateKeyEntry key) throws Exception {
        JarSigner signer = new JarSigner.Builder(key.getPrivateKey(),
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(key.getCertificateChain()))).build();
        try (ZipFile zip = new ZipFile(in.toFile()); OutputStream os = Files.newOutputStream(out)) {
            signer.sign(zip, os);
        }
        return out;
    }

    /** Copies a jar, replacing the content of one entry (or adding it): a jar modified after signing. */
    static Path tamper(Path in, Path out, String entry, String content) throws IOException {
        boolean replaced = false;
        try (JarFile jf = new JarFile(in.toFile(), false);
                JarOutputStream jo = new JarOutputStream(Files.newOutputStream(out))) {
            for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements();) {
                JarEntry e = en.nextElement();
                jo.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    jo.write(content.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    try (InputStream is = jf.getInputStream(e)) {
                        is.transferTo(jo);
                    }
                }
                jo.closeEntry();
            }
            if (!replaced) {
                jo.putNextEntry(new ZipEntry(entry));
                jo.write(content.getBytes(StandardCharsets.UTF_8));
                jo.closeEntry();
            }
        }
        return out;
    }

}
