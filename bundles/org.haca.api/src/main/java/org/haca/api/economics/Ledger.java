package org.haca.api.economics;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only queries over the last committed state. Thread-safe; answers never reflect a half-applied block.
 */
@ProviderType
public interface Ledger {

    Supply supply();

    /** The account at {@code address}, or empty when it never held tokens. */
    Optional<AccountView> account(String address);

    /** Settlement state of the inference with this request id, if a SubmitResult for it was committed. */
    Optional<InferenceRecord> inference(String requestId);
}
