package org.haca.economics.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.haca.api.economics.EconomicsParameters;
import org.junit.jupiter.api.Test;

class EconomicsComponentTest {

    /** A Config as ConfigAdmin would give it: defaults overridden by {@code values}. */
    static EconomicsComponent.Config config(Map<String, Object> values) {
        return (EconomicsComponent.Config) Proxy.newProxyInstance(EconomicsComponentTest.class.getClassLoader(),
                new Class<?>[] { EconomicsComponent.Config.class }, (p, m, a) -> {
                    if (values.containsKey(m.getName())) {
                        return values.get(m.getName());
                    }
                    return m.getDefaultValue();
                });
    }

    @Test
    void defaultsAreValidAndMatchTheApiDefaults() {
        EconomicsComponent c = new EconomicsComponent();
        c.configure(config(Map.of()));
        assertEquals(EconomicsParameters.DEFAULTS, c.parameters());
    }

    @Test
    void modifiedConfigurationApplies() {
        EconomicsComponent c = new EconomicsComponent();
        c.configure(config(Map.of()));
        c.configure(config(Map.of("protocolShareBps", 2000, "challengeWindowBlocks", 3L)));
        assertEquals(2000, c.parameters().protocolShareBps());
        assertEquals(3, c.parameters().challengeWindowBlocks());
    }

    @Test
    void invalidValuesAreRejectedWithTheirName() {
        assertMessage("protocolShareBps", Map.of("protocolShareBps", 10_001));
        assertMessage("settlementBurnBps", Map.of("protocolShareBps", 100, "settlementBurnBps", 200));
        assertMessage("slashBps", Map.of("slashBps", -1));
        assertMessage("slashBurnBps", Map.of("slashBurnBps", 20_000));
        assertMessage("challengeWindowBlocks", Map.of("challengeWindowBlocks", 0L));
        assertMessage("minStake", Map.of("minStake", -5L));
        assertMessage("minFee", Map.of("minFee", -1L));
        assertMessage("unbondingBlocks", Map.of("unbondingBlocks", -1L));
    }

    private static void assertMessage(String name, Map<String, Object> values) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EconomicsComponent.fromConfig(config(values)));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }
}
