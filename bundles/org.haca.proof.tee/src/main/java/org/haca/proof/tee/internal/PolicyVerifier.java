package org.haca.proof.tee.internal;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.haca.proof.tee.internal.crypto.ChainValidator;

/**
 * The verifier of one TEE scheme for the current ConfigAdmin policy, shared by the Nitro and TDX components. It is
 * built on the first verify (loading the pinned root and the curves stays off the framework's start thread); a new
 * policy applies to the next verify, and the certificate-chain cache (sized by the first policy) is kept across
 * policy changes.
 *
 * @param <C> the component's configuration type
 * @param <V> the verifier type
 */
public final class PolicyVerifier<C, V> {
    private final Supplier<X509Certificate> pinnedRoot;
    private final ToIntFunction<C> chainCacheSize;
    private final BiFunction<ChainValidator, C, V> build;
    private final Object lock = new Object();
    private C config;
    private ChainValidator chains;
    private volatile V verifier;

    public PolicyVerifier(C config, Supplier<X509Certificate> pinnedRoot, ToIntFunction<C> chainCacheSize,
            BiFunction<ChainValidator, C, V> build) {
        this.config = config;
        this.pinnedRoot = pinnedRoot;
        this.chainCacheSize = chainCacheSize;
        this.build = build;
    }

    /** Takes a new policy; the verifier is rebuilt on the next {@link #get()}. */
    public void reconfigure(C newConfig) {
        synchronized (lock) {
            config = newConfig;
            verifier = null;
        }
    }

    /** The verifier for the current policy; throws (as the pinned root or the policy does) when it cannot be built. */
    public V get() {
        V v = verifier;
        if (v != null) {
            return v;
        }
        synchronized (lock) {
            if (verifier == null) {
                if (chains == null) {
                    chains = new ChainValidator(pinnedRoot.get(), Math.max(0, chainCacheSize.applyAsInt(config)));
                }
                verifier = build.apply(chains, config);
            }
            return verifier;
        }
    }

    /** Config arrays may hold duplicates or be null: never let them fail the component. */
    public static Set<String> setOf(String[] values) {
        return values == null ? Set.of()
                : Arrays.stream(values).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
