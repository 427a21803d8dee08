package org.haca.web.internal;

import java.util.function.UnaryOperator;

/**
 * Who this node is, from the framework properties the launcher sets ({@code haca.version}, {@code haca.role},
 * {@code haca.network.id}, {@code haca.dev}).
 */
record NodeIdentity(String version, String role, String networkId, boolean devMode) {

    static NodeIdentity from(UnaryOperator<String> properties, String fallbackVersion) {
        return new NodeIdentity(
                orElse(properties.apply("haca.version"), fallbackVersion),
                orElse(properties.apply("haca.role"), "unknown"),
                orElse(properties.apply("haca.network.id"), "haca-dev"),
                Boolean.parseBoolean(properties.apply("haca.dev")));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
