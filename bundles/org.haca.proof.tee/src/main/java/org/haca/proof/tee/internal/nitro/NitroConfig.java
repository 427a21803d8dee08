package org.haca.proof.tee.internal.nitro;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** ConfigAdmin policy for {@code tee.nitro.v1}, PID {@code org.haca.proof.tee.nitro}. */
@ObjectClassDefinition(id = NitroProofSystem.PID, name = "haca TEE policy: AWS Nitro (tee.nitro.v1)",
        description = "Which enclave measurements, ages and modes a Nitro attestation must have to be accepted.")
public @interface NitroConfig {
    @AttributeDefinition(description = "Accepted PCR0 values (lowercase hex, 96 chars). Empty = accept none (fail closed).")
    String[] allowedPcr0() default {};

    @AttributeDefinition(description = "Accepted PCR1 values; empty = not constrained.")
    String[] allowedPcr1() default {};

    @AttributeDefinition(description = "Accepted PCR2 values; empty = not constrained.")
    String[] allowedPcr2() default {};

    @AttributeDefinition(description = "Maximum age of the document timestamp at verification time, in milliseconds.")
    long maxAgeMillis() default NitroPolicy.DEFAULT_MAX_AGE_MILLIS;

    @AttributeDefinition(description = "Tolerated clock skew: how far the document timestamp may be ahead, in milliseconds.")
    long maxFutureSkewMillis() default NitroPolicy.DEFAULT_MAX_FUTURE_SKEW_MILLIS;

    @AttributeDefinition(description = "Accept debug-mode enclaves (PCR0 all zeros). Honoured only when haca.dev=true.")
    boolean allowDebug() default false;

    @AttributeDefinition(description = "Key-registered results: maximum age of the registration attestation, in milliseconds.")
    long registrationMaxAgeMillis() default NitroPolicy.DEFAULT_REGISTRATION_MAX_AGE_MILLIS;

    @AttributeDefinition(description = "Verified certificate chains kept in memory (0 disables the cache).")
    int chainCacheSize() default 1024;
}
