package org.haca.chain.internal.core;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Supply invariant: genesis supply = balances + staked + escrowed + burned, recomputed from the individual records
 * (accounts, nodes, pending inferences) and compared with the running totals.
 */
public final class Invariants {
    private Invariants() {
    }

    /** @return null when the invariant holds, else a description of the violation */
    public static String check(Consumer<BiConsumer<byte[], byte[]>> entries) {
        long[] sum = new long[3]; // balances, staked, escrowed
        Records.Globals[] g = new Records.Globals[1];
        entries.accept((k, v) -> {
            switch (k[0]) {
                case Records.ACCOUNT -> sum[0] = Math.addExact(sum[0], Records.Account.decode(v).balance);
                case Records.NODE -> {
                    Records.Node n = Records.Node.decode(v);
                    sum[1] = Math.addExact(sum[1], Math.addExact(n.stake, n.unbonding));
                }
                case Records.INFERENCE -> {
                    Records.Inference i = Records.Inference.decode(v);
                    if (i.status == Records.Inference.PENDING) {
                        sum[2] = Math.addExact(sum[2], i.fee);
                    }
                }
                case Records.GLOBALS -> g[0] = Records.Globals.decode(v);
                default -> {
                }
            }
        });
        if (g[0] == null) {
            return "no supply record";
        }
        Records.Globals t = g[0];
        if (sum[1] != t.staked) {
            return "staked total " + t.staked + " != sum of stakes " + sum[1];
        }
        if (sum[2] != t.escrowed) {
            return "escrowed total " + t.escrowed + " != sum of pending fees " + sum[2];
        }
        long accounted = sum[0] + sum[1] + sum[2] + t.burned;
        if (accounted != t.total) {
            return "genesis supply " + t.total + " != balances " + sum[0] + " + staked " + sum[1] + " + escrowed "
                    + sum[2] + " + burned " + t.burned;
        }
        return null;
    }
}
