package org.haca.api.economics;

/**
 * Token supply breakdown in base units. Invariant: {@code total == circulating + staked + escrowed + burned}, where
 * {@code total} is the genesis supply.
 */
public record Supply(long total, long circulating, long staked, long escrowed, long burned) {
}
