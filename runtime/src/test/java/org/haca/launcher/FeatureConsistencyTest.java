package org.haca.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each role feature must install exactly the bundle set the bnd resolver found for the role's bndrun (whose
 * -runbundles the build re-resolves and checks for drift), and every bundle must be embedded in the node jar.
 */
class FeatureConsistencyTest {
    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern RUNBUNDLE = Pattern.compile("^\\s*([\\w.\\-]+);version='\\[([^,]+),");

    @ParameterizedTest
    @ValueSource(strings = {"dev-node", "inference-node", "full-node"})
    void featureInstallsExactlyTheResolvedBundles(String role) throws IOException {
        Feature feature;
        try (Reader r = Files.newBufferedReader(CLASSES.resolve("features/" + role + ".json"), StandardCharsets.UTF_8)) {
            feature = FeatureReader.read(r, role);
        }
        TreeSet<String> fromFeature = new TreeSet<>();
        for (Feature.BundleRef ref : feature.bundles()) {
            Path jar = CLASSES.resolve(ref.embeddedPath());
            assertTrue(Files.isRegularFile(jar), ref.coordinates() + " is not embedded at " + jar);
            try (JarFile j = new JarFile(jar.toFile())) {
                var attrs = j.getManifest().getMainAttributes();
                String bsn = attrs.getValue("Bundle-SymbolicName").split(";")[0].trim();
                fromFeature.add(bsn + " " + base(attrs.getValue("Bundle-Version")));
            }
        }
        assertEquals(resolved(Path.of(role + ".bndrun")), fromFeature,
                "features/" + role + ".json and " + role + ".bndrun -runbundles differ");
    }

    /** BSN and the lower bound of each -runbundles entry, e.g. "org.haca.api 0.1.0". */
    private static TreeSet<String> resolved(Path bndrun) throws IOException {
        List<String> lines = Files.readAllLines(bndrun);
        TreeSet<String> out = new TreeSet<>();
        boolean inRunbundles = false;
        for (String line : lines) {
            if (line.startsWith("-runbundles:")) {
                inRunbundles = true;
                continue;
            }
            if (inRunbundles) {
                Matcher m = RUNBUNDLE.matcher(line);
                if (m.find()) {
                    out.add(m.group(1) + " " + base(m.group(2)));
                }
                if (!line.endsWith("\\")) {
                    inRunbundles = false;
                }
            }
        }
        assertTrue(!out.isEmpty(), bndrun + " has no -runbundles; run the build to resolve it");
        return out;
    }

    /** major.minor.micro without qualifier: the resolver writes ranges from the bundle versions. */
    private static String base(String version) {
        List<String> parts = new ArrayList<>(List.of(version.split("\\.")));
        while (parts.size() < 3) {
            parts.add("0");
        }
        return String.join(".", parts.subList(0, 3));
    }
}
