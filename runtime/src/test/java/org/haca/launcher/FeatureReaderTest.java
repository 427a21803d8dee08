package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FeatureReaderTest {

    private static Feature read(String json) throws IOException {
        return FeatureReader.read(new StringReader(json), "test.json");
    }

    @Test
    void readsBundlesStartOrdersAndTypedConfigurations() throws IOException {
        Feature f = read("""
                {"feature-resource-version":"1.0","id":"org.haca:x:osgifeature:1",
                 "bundles":["g:a:1", {"id":"g.h:b:2.0","start-order":3}],
                 "configurations":{"my.pid":{"n":5,"f":0.5,"b":true,"s":"x","a":["p","q"]},"fac~one":{}}}
                """);
        assertEquals(List.of(new Feature.BundleRef("g", "a", "1", 20), new Feature.BundleRef("g.h", "b", "2.0", 3)),
                f.bundles());
        assertEquals("bundles/g/h/b/2.0/b-2.0.jar", f.bundles().get(1).embeddedPath());
        Map<String, Object> c = f.configurations().get("my.pid");
        assertEquals(5L, c.get("n"));
        assertEquals(0.5, c.get("f"));
        assertEquals(true, c.get("b"));
        assertArrayEquals(new String[] {"p", "q"}, (String[]) c.get("a"));
        assertTrue(f.configurations().containsKey("fac~one"));
    }

    @Test
    void malformedFeaturesFailWithTheirOrigin() {
        assertTrue(assertThrows(IOException.class, () -> read("{\"id\":\"x\",\"bundles\":[")).getMessage()
                .startsWith("test.json: malformed feature JSON"));
        assertEquals("test.json: 'bundles' must be an array",
                assertThrows(IOException.class, () -> read("{\"id\":\"x\"}")).getMessage());
        assertEquals("test.json: bundle id 'g:a' is not groupId:artifactId:version",
                assertThrows(IOException.class, () -> read("{\"id\":\"x\",\"bundles\":[\"g:a\"]}")).getMessage());
        assertEquals("test.json: missing string 'id'",
                assertThrows(IOException.class, () -> read("{\"bundles\":[]}")).getMessage());
    }

    @Test
    void missingEmbeddedBundlesAreAllNamed() throws IOException {
        Feature f = read("{\"id\":\"org.haca:x:osgifeature:1\",\"bundles\":[\"org.example:nothere:1.0\",\"a:b:c\"]}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NodeLauncher.requireEmbedded(f));
        assertEquals("feature org.haca:x:osgifeature:1 names bundles that this node jar does not contain: a:b:c, "
                + "org.example:nothere:1.0", e.getMessage());
    }
}
