package org.haca.proof.tee.internal.tdx;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** ConfigAdmin policy for {@code tee.tdx.v1}, PID {@code org.haca.proof.tee.tdx}. */
@ObjectClassDefinition(id = TdxProofSystem.PID, name = "haca TEE policy: Intel TDX (tee.tdx.v1)",
        description = "Which TD measurements and TCB statuses a TDX quote must have to be accepted.")
public @interface TdxConfig {
    @AttributeDefinition(description = "Accepted MRTD values (lowercase hex, 96 chars). Empty = accept none (fail closed).")
    String[] allowedMrtd() default {};

    @AttributeDefinition(description = "Accepted TCB statuses, e.g. UpToDate, SWHardeningNeeded.")
    String[] acceptedTcbStatuses() default { "UpToDate" };

    @AttributeDefinition(description = "Accept debug TDs. Honoured only when haca.dev=true.")
    boolean allowDebug() default false;

    @AttributeDefinition(description = "Verified certificate chains kept in memory (0 disables the cache).")
    int chainCacheSize() default 256;
}
