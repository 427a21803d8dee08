package org.haca.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Production nodes: a bundle installed any other way than by the launcher (the role's feature) or through the
 * signed-plugin gate (FileInstall watching the accepted-plugins folder) never resolves, so it can never start or
 * export a class. This closes the back doors around {@link PluginGate}: {@code install} in the Gogo shell, or any
 * bundle calling {@code BundleContext.installBundle}. OSGi has no hook to veto an install itself; refusing resolution
 * is the earliest point at which nothing of the bundle can run.
 *
 * <p>Dev nodes do not register the guard (they accept unsigned plugins anyway).
 */
final class InstallGuard implements ResolverHookFactory {
    /** Location prefix of the bundles the launcher installs from the node jar. */
    static final String FEATURE_LOCATION = "haca:";

    private final Path acceptedDir;
    private final PrintStream log;
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();

    InstallGuard(Path acceptedDir, PrintStream log) {
        this.acceptedDir = acceptedDir.toAbsolutePath().normalize();
        this.log = log;
    }

    /** Whether a bundle at this location came in through an approved path. */
    boolean approved(Bundle b) {
        if (b.getBundleId() == 0) {
            return true;
        }
        String location = b.getLocation();
        if (location.startsWith(FEATURE_LOCATION)) {
            return true;
        }
        return fromAcceptedDir(location);
    }

    private boolean fromAcceptedDir(String location) {
        try {
            Path p = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
            return p.toAbsolutePath().normalize().startsWith(acceptedDir);
        } catch (RuntimeException e) {
            return false; // not a file location at all (http:, inputstream:, ...)
        }
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                candidates.removeIf(r -> {
                    Bundle b = r.getBundle();
                    if (approved(b)) {
                        return false;
                    }
                    if (reported.add(b.getBundleId())) {
                        log.println("[haca] plugin " + b.getSymbolicName() + " (" + b.getLocation() + ") REFUSED: "
                                + "installed outside the signed-plugin gate; put signed jars in the plugins folder");
                    }
                    return true;
                });
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton,
                    Collection<BundleCapability> collisionCandidates) {
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
            }

            @Override
            public void end() {
            }
        };
    }
}
