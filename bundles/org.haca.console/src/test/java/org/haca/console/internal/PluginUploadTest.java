package org.haca.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

class PluginUploadTest {

    private static byte[] jar(String... headers) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < headers.length; i += 2) {
            mf.getMainAttributes().putValue(headers[i], headers[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream j = new JarOutputStream(out, mf)) {
            j.flush();
        }
        return out.toByteArray();
    }

    @Test
    void acceptsOnlyOsgiBundleJars() throws IOException {
        assertEquals("org.example.proof", PluginsPage.bundleSymbolicName(jar("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "org.example.proof;singleton:=true")));
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> PluginsPage.bundleSymbolicName(jar("Main-Class", "x.Y")));
        assertTrue(plain.getMessage().contains("not an OSGi bundle"), plain.getMessage());
        assertTrue(plain.getMessage().contains("nothing installed"));
        IllegalArgumentException junk = assertThrows(IllegalArgumentException.class,
                () -> PluginsPage.bundleSymbolicName("not a jar at all".getBytes()));
        assertTrue(junk.getMessage().contains("nothing installed"), junk.getMessage());
    }

    @Test
    void pluginPageShowsHistoryAndActionsEscaped() {
        String html = PluginsPage.render(List.of(new PluginsPage.Plugin("q", "deterministic", "b 1", 0, 7, "ACTIVE")),
                List.of(), List.of(), null, "<b>x</b>",
                List.of(new History.Event(0, "UPDATED", "org.<evil>", "1.0", 7)));
        assertTrue(html.contains("name='bundle' value='7'"), html);
        assertTrue(html.contains("org.&lt;evil&gt;"));
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"));
        assertTrue(PluginsPage.render(List.of(), List.of(), List.of()).contains("No bundle events yet."));
    }

    @Test
    void productionNodesRefuseConsoleUploads() {
        assertEquals(null, PluginsPage.uploadRefusal("true"));
        for (String notDev : new String[] {"false", null, "yes"}) {
            String why = PluginsPage.uploadRefusal(notDev);
            assertTrue(why != null && why.contains("signed jar") && why.contains("nothing installed"), String.valueOf(why));
        }
    }
}
