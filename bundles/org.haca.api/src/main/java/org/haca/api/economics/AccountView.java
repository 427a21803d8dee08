package org.haca.api.economics;

import java.util.Objects;

/**
 * Public view of an account.
 *
 * @param address Ethereum-style address: {@code 0x} + 40 lowercase hex digits (last 20 bytes of keccak-256 of the
 *        uncompressed secp256k1 public key)
 * @param nonce next transaction nonce this account must use
 */
public record AccountView(String address, long balance, long staked, long nonce) {
    public AccountView {
        Objects.requireNonNull(address, "address");
    }
}
