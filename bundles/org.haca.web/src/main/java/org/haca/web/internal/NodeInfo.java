package org.haca.web.internal;

import java.util.List;

import org.osgi.framework.Bundle;

/** JSON shape of {@code GET /api/v1/node}. */
record NodeInfo(String version, String role, String networkId, boolean devMode, String startedAt, long uptimeSeconds,
        long activeBundles, List<BundleInfo> bundles, List<BackendInfo> backends, List<ProofSystemInfo> proofSystems,
        ConsensusInfo consensus) {

    record BundleInfo(long id, String symbolicName, String version, String state, String location, long lastModified) {
    }

    record BackendInfo(String id, boolean deterministic, String bundle) {
    }

    record ProofSystemInfo(String scheme, boolean canProve, String bundle) {
    }

    record ConsensusInfo(String engine, long height) {
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
