package org.haca.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NodeIdentityTest {
    @Test
    void readsLauncherPropertiesWithFallbacks() {
        NodeIdentity id = NodeIdentity.from(Map.of("haca.role", "full-node", "haca.dev", "true")::get, "0.1.0");
        assertEquals(new NodeIdentity("0.1.0", "full-node", "haca-dev", true), id);
        NodeIdentity none = NodeIdentity.from(k -> null, "9");
        assertEquals(new NodeIdentity("9", "unknown", "haca-dev", false), none);
    }
}
