package org.haca.launcher;

import java.util.List;
import java.util.Map;

/**
 * The parts of an OSGi Feature 1.0 document the launcher uses: the bundles (Maven coordinates
 * {@code groupId:artifactId:version}, optional {@code start-order}) and the configurations by PID
 * ({@code pid} or {@code factoryPid~name}).
 */
record Feature(String id, List<BundleRef> bundles, Map<String, Map<String, Object>> configurations) {

    /** A bundle of the feature; lower start orders start first, fragments are never started. */
    record BundleRef(String groupId, String artifactId, String version, int startOrder) {
        String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }

        /** Where copy-dependencies (repository layout) put the jar inside the node jar. */
        String embeddedPath() {
            return "bundles/" + groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-"
                    + version + ".jar";
        }
    }
}
