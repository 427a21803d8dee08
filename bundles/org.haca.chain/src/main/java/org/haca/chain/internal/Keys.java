package org.haca.chain.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.haca.chain.internal.core.Crypto;
import org.haca.chain.internal.core.Hex;

/** Node keys kept as hex files (mode 600) under the data directory; generated on first use, never hard-coded. */
final class Keys {
    private Keys() {
    }

    record Loaded(Crypto.KeyPair key, boolean generated) {
    }

    static Loaded loadOrGenerate(Path file) throws IOException {
        if (Files.exists(file)) {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return new Loaded(Crypto.KeyPair.fromPrivateKey(Hex.decode(hex)), false);
        }
        Files.createDirectories(file.getParent());
        Crypto.KeyPair k = Crypto.KeyPair.generate(new SecureRandom());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Hex.encode(k.privateKey()) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // non-POSIX file system
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new Loaded(k, true);
    }
}
