package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed-plugin verification with real keytool keys and JarSigner signatures. */
class PluginVerifierTest {
    @TempDir
    static Path dir;
    static KeyStore.PrivateKeyEntry trustedKey;
    static KeyStore.PrivateKeyEntry otherKey;
    static Path unsigned;
    static Path signed;

    @BeforeAll
    static void keys() throws Exception {
        trustedKey = TestSigning.newKey(dir, "trusted");
        otherKey = TestSigning.newKey(dir, "stranger");
        unsigned = TestSigning.jar(dir.resolve("plain.jar"),
                Map.of("a/A.class", "code-a", "META-INF/maven/x/pom.properties", "v=1", "b/b.txt", "data"));
        signed = TestSigning.sign(unsigned, dir.resolve("signed.jar"), trustedKey);
    }

    private static PluginVerifier production() {
        return new PluginVerifier(List.of(TestSigning.cert(trustedKey)), false);
    }

    @Test
    void signedByTrustedKeyIsAccepted() {
        PluginVerifier.Verdict v = production().verify(signed);
        assertTrue(v.accepted(), v.reason());
        assertTrue(v.reason().contains("CN=trusted"), v.reason());
    }

    @Test
    void unsignedIsRefusedInProductionAndWarnedInDev() {
        PluginVerifier.Verdict v = production().verify(unsigned);
        assertFalse(v.accepted());
        assertEquals("unsigned jar", v.reason());
        PluginVerifier.Verdict dev = new PluginVerifier(List.of(), true).verify(unsigned);
        assertTrue(dev.accepted());
        assertTrue(dev.reason().startsWith("DEV MODE"), dev.reason());
    }

    @Test
    void modifiedEntryAfterSigningIsRefusedEvenInDev() throws Exception {
        Path tampered = TestSigning.tamper(signed, dir.resolve("tampered.jar"), "a/A.class", "evil-code");
        PluginVerifier.Verdict v = production().verify(tampered);
        assertFalse(v.accepted());
        assertTrue(v.reason().startsWith("signature check failed"), v.reason());
        assertFalse(new PluginVerifier(List.of(), true).verify(tampered).accepted());
    }

    @Test
    void entryAddedAfterSigningIsRefused() throws Exception {
        Path added = TestSigning.tamper(signed, dir.resolve("added.jar"), "z/Z.class", "extra");
        PluginVerifier.Verdict v = production().verify(added);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("z/Z.class"), v.reason());
    }

    @Test
    void untrustedSignerIsRefused() throws Exception {
        Path byStranger = TestSigning.sign(unsigned, dir.resolve("stranger.jar"), otherKey);
        PluginVerifier.Verdict v = production().verify(byStranger);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("signer not trusted") && v.reason().contains("CN=stranger"), v.reason());
    }

    @Test
    void noTrustStoreRefusesEvenASignedJarInProduction() {
        PluginVerifier.Verdict v = new PluginVerifier(List.of(), false).verify(signed);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("no plugin trust store"), v.reason());
    }

    @Test
    void garbageIsRefused() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.jar"), "not a zip");
        PluginVerifier.Verdict v = production().verify(junk);
        assertFalse(v.accepted());
        assertTrue(v.reason().startsWith("not a readable jar"), v.reason());
    }

    @Test
    void trustStoreLoadsFromPemAndPkcs12AndRejectsEmpty() throws Exception {
        Path pem = TestSigning.pem(dir.resolve("trust.pem"), TestSigning.cert(trustedKey), TestSigning.cert(otherKey));
        assertEquals(2, PluginVerifier.loadTrustStore(pem, "").size());
        assertEquals(List.of(TestSigning.cert(trustedKey)),
                PluginVerifier.loadTrustStore(dir.resolve("trusted.p12"), "changeit"));
        Path empty = Files.writeString(dir.resolve("empty.pem"), "-----BEGIN CERTIFICATE-----\n");
        assertThrows(Exception.class, () -> PluginVerifier.loadTrustStore(empty, ""));
        Path none = Files.writeString(dir.resolve("none.txt"), "");
        assertThrows(Exception.class, () -> PluginVerifier.loadTrustStore(none, ""));
        assertThrows(Exception.class, () -> PluginVerifier.loadTrustStore(dir.resolve("trusted.p12"), "wrong"));
    }

    @Test
    void signatureFilesAreRecognised() {
        assertTrue(PluginVerifier.isSignatureFile("META-INF/MANIFEST.MF"));
        assertTrue(PluginVerifier.isSignatureFile("META-INF/SIGNER.SF"));
        assertTrue(PluginVerifier.isSignatureFile("META-INF/SIGNER.EC"));
        assertFalse(PluginVerifier.isSignatureFile("META-INF/maven/x/pom.properties"));
        assertFalse(PluginVerifier.isSignatureFile("a/X.SF"));
    }
}
