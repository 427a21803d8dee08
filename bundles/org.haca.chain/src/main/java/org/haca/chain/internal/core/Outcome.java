package org.haca.chain.internal.core;

/** Code + log of one transaction. */
public record Outcome(int code, String log) {
    public static final Outcome OK = new Outcome(Codes.OK, "");

    public boolean ok() {
        return code == Codes.OK;
    }
}
