package org.haca.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.haca.api.chain.VerificationMonitor;
import org.haca.api.economics.InferenceRecord;
import org.haca.api.economics.Supply;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceResult;
import org.haca.api.model.DType;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.Tensor;
import org.haca.api.model.TensorSpec;
import org.haca.api.proof.Proof;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static final String EVIL = "<script>alert('x')</script>";

    @Test
    void escapesMarkup() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.esc("<a href=\"x\">&'"));
        assertEquals("", Html.esc(null));
    }

    @Test
    void modelsPageEscapesNamesAndShowsEmptyState() {
        String empty = ModelsPage.render(List.of(), true, null, null, null, null);
        assertTrue(empty.contains("No model stored yet"), empty);
        assertFalse(empty.contains("haca-infer-run"));
        ModelDescriptor d = new ModelDescriptor("ab".repeat(32), EVIL, 123,
                List.of(new TensorSpec("in<put>", DType.FLOAT32, List.of(-1L, 4L))),
                List.of(new TensorSpec("out", DType.FLOAT32, List.of(1L, 2L))), Instant.EPOCH);
        String html = ModelsPage.render(List.of(d), true, EVIL, EVIL, null, null);
        assertFalse(html.contains(EVIL), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("in&lt;put&gt;"));
        assertTrue(html.contains("haca-infer-run"));
        assertTrue(html.contains("value='1,4'"), "-1 dimension defaults to 1");
        assertTrue(ModelsPage.render(null, false, null, null, null, null).contains("No model registry"));
    }

    @Test
    void modelsPageShowsResultAndProof() {
        InferenceResult r = new InferenceResult("req-1", "m", InferenceMode.TEE, "quant",
                Map.of("y", Tensor.ofFloats(new long[] {1, 2}, 0.25f, 0.75f)), "mh", "ih", "oh",
                new Proof("tee.simulated.v1", new byte[40], Map.of("k", EVIL)), "tx1");
        String html = ModelsPage.render(List.of(), true, null, null, r, null);
        assertTrue(html.contains("tee.simulated.v1, 40 bytes"), html);
        assertTrue(html.contains("[0.250000, 0.750000]"), html);
        assertFalse(html.contains(EVIL));
    }

    @Test
    void parsesInputsBroadcastingOneValue() {
        TensorSpec spec = new TensorSpec("x", DType.FLOAT32, List.of(-1L, 3L));
        Tensor t = ModelsPage.parseTensor(spec, "", "0.5");
        assertEquals(3, t.elementCount());
        assertEquals(0.5f, t.floats()[2]);
        Tensor i8 = ModelsPage.parseTensor(new TensorSpec("q", DType.INT8, List.of(2L)), "2", "[300, -3]");
        assertEquals(127, i8.int8s()[0]);
        assertEquals(-3, i8.int8s()[1]);
    }

    @Test
    void verificationPageEmptyAndFilled() {
        String none = VerificationPage.render(null, List.of(), null, List.of());
        assertTrue(none.contains("No verification pipeline"));
        assertTrue(none.contains("No inference run from this console yet"));
        VerificationMonitor.Stats s = new VerificationMonitor.Stats(3, 1, 2, 10, 2500,
                Map.of("tee.simulated.v1", 7L), Map.of(EVIL, 1L));
        String html = VerificationPage.render(s, List.of(new VerificationPage.Tracked("r1", "m", "TEE", "VERIFIED",
                "tee.simulated.v1", "")), EVIL, List.of(new History.Sample(1000, 1, 2, 3, 4, 5, 6, 7),
                new History.Sample(6000, 0, 3, 4, 4, 5, 6, 8)));
        assertTrue(html.contains("<svg id='haca-verification-history'"), html);
        assertTrue(html.contains("2.500 ms"), html);
        assertTrue(html.contains("<svg id='haca-verdict-chart'"));
        assertTrue(html.contains("VERIFIED"));
        assertFalse(html.contains(EVIL));
    }

    @Test
    void economicsPageChartsSupply() {
        assertTrue(EconomicsPage.render(null, List.of(), List.of()).contains("No ledger"));
        String html = EconomicsPage.render(new Supply(1000, 700, 200, 50, 50), List.of(), List.of());
        assertTrue(html.contains("Collecting samples"), html);
        assertTrue(html.contains("<svg id='haca-supply-chart'"));
        assertTrue(html.contains("700 tokens"));
        assertTrue(html.contains("No inference run from this console yet"));
        InferenceRecord rec = new InferenceRecord("r1", InferenceRecord.Status.SETTLED, "TEE", "s", "p", "n", 10, 9, 1,
                3, 4, "", "tx");
        String filled = EconomicsPage.render(new Supply(1000, 700, 200, 50, 50), List.of(rec), List.of());
        assertTrue(filled.contains("fees 10, paid to inference nodes 9, burned 1"), filled);
    }

    @Test
    void nodeAndPluginPages() {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("Role", EVIL);
        String node = NodePage.render(id, Map.of("ACTIVE", 40L),
                List.of(new NodePage.Check("ledger", false, "no Ledger service")));
        assertTrue(node.contains("DEGRADED"));
        assertFalse(node.contains(EVIL));
        String plugins = PluginsPage.render(List.of(), List.of(new PluginsPage.Plugin("zk", "verify only", "b 1.0", 5)),
                List.of());
        assertTrue(plugins.contains("No model backend installed."));
        assertTrue(plugins.contains("No consensus engine installed."));
        assertTrue(plugins.contains("verify only"));
        assertEquals("1d 01h 01m 01s", NodePage.formatUptime(java.time.Duration.ofSeconds(90061)));
    }
}
