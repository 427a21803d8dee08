package org.haca.proof.tee.internal.nitro;

import java.util.Random;

/** Shares the mutation operators of {@link NitroFuzzTest} with the TDX fuzz test. */
public final class NitroFuzzTestAccess {
    private NitroFuzzTestAccess() {
    }

    public static byte[] mutate(byte[] input, Random r) {
        return NitroFuzzTest.mutate(input, r);
    }
}
