package org.haca.proof.tee.internal;

import static org.haca.proof.tee.internal.Vectors.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.VerificationContext;
import org.haca.proof.tee.internal.nitro.NitroConfig;
import org.haca.proof.tee.internal.nitro.NitroProofSystem;
import org.haca.proof.tee.internal.tdx.TdxConfig;
import org.haca.proof.tee.internal.tdx.TdxProofSystem;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/** The DS components as SCR would build them: config → policy, dev-mode gating, totality of verify. */
class ComponentsTest {
    static BundleContext context(boolean dev) {
        return (BundleContext) Proxy.newProxyInstance(ComponentsTest.class.getClassLoader(),
                new Class<?>[] { BundleContext.class },
                (p, m, a) -> m.getName().equals("getProperty") && "haca.dev".equals(a[0]) ? String.valueOf(dev) : null);
    }

    @SuppressWarnings("unchecked")
    static <A> A config(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, m, a) -> {
            if (values.containsKey(m.getName())) {
                return values.get(m.getName());
            }
            return m.getDefaultValue();
        });
    }

    static Verdict nitro(boolean dev, Map<String, Object> cfg, String doc, java.time.Instant at) {
        NitroProofSystem s = new NitroProofSystem(context(dev), config(NitroConfig.class, cfg));
        return s.verify(new Proof("tee.nitro.v1", load(doc), Map.of()), SOME_STATEMENT, new VerificationContext(at));
    }

    @Test
    void nitroPolicyComesFromConfiguration() {
        assertTrue(failed(nitro(false, Map.of(), YAWN, YAWN_AT), "pcrs"));
        Verdict v = nitro(false, Map.of("allowedPcr0", new String[] { YAWN_PCR0, YAWN_PCR0.toUpperCase() }), YAWN, YAWN_AT);
        assertTrue(passed(v, "pcrs") && passed(v, "signature"), v.toString());
    }

    @Test
    void allowDebugIsIgnoredOutsideDevMode() {
        Map<String, Object> cfg = Map.of("allowedPcr0", new String[] { ZERO48 }, "allowDebug", true);
        assertTrue(failed(nitro(false, cfg, SUI, SUI_AT), "debug"), "production ignores allowDebug");
        assertTrue(passed(nitro(true, cfg, SUI, SUI_AT), "debug"), "dev node honours allowDebug");
    }

    @Test
    void modifiedConfigurationAppliesToTheNextVerify() throws Exception {
        NitroProofSystem s = new NitroProofSystem(context(false), config(NitroConfig.class, Map.of()));
        Proof p = new Proof("tee.nitro.v1", load(YAWN), Map.of());
        assertTrue(failed(s.verify(p, SOME_STATEMENT, new VerificationContext(YAWN_AT)), "pcrs"));
        java.lang.reflect.Method m = NitroProofSystem.class.getDeclaredMethod("modified", NitroConfig.class);
        m.setAccessible(true);
        m.invoke(s, config(NitroConfig.class, Map.of("allowedPcr0", new String[] { YAWN_PCR0 })));
        assertTrue(passed(s.verify(p, SOME_STATEMENT, new VerificationContext(YAWN_AT)), "pcrs"));
    }

    @Test
    void componentsAreVerifyOnlyAndTotal() {
        NitroProofSystem n = new NitroProofSystem(context(false), config(NitroConfig.class, Map.of()));
        TdxProofSystem t = new TdxProofSystem(context(false), config(TdxConfig.class, Map.of()));
        assertEquals("tee.nitro.v1", n.schemeId());
        assertEquals("tee.tdx.v1", t.schemeId());
        assertFalse(n.canProve() || t.canProve());
        assertThrows(UnsupportedOperationException.class,
                () -> n.prove(new ProofRequest(SOME_STATEMENT, new byte[0], Map.of(), Map.of())));
        VerificationContext at = new VerificationContext(YAWN_AT);
        for (var s : new org.haca.api.proof.ProofSystem[] { n, t }) {
            assertFalse(s.verify(null, SOME_STATEMENT, at).valid());
            assertFalse(s.verify(new Proof(s.schemeId(), new byte[0], Map.of()), null, at).valid());
            assertFalse(s.verify(new Proof("other.v1", new byte[0], Map.of()), SOME_STATEMENT, at).valid());
            assertFalse(s.verify(new Proof(s.schemeId(), new byte[] { 1, 2, 3 }, Map.of()), SOME_STATEMENT, at).valid());
        }
    }
}
