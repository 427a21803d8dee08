package org.haca.launcher;

import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Applies a feature's configurations through ConfigurationAdmin. The ConfigAdmin API lives in a bundle, not on the
 * launcher's class path, so the service is called reflectively through its own interface class.
 */
final class ConfigurationInstaller {
    static final String CONFIG_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";

    private ConfigurationInstaller() {
    }

    /** @return false when no ConfigurationAdmin is registered yet */
    static boolean apply(BundleContext context, Map<String, Map<String, Object>> configurations) throws Exception {
        ServiceReference<?> ref = context.getServiceReference(CONFIG_ADMIN);
        if (ref == null) {
            return false;
        }
        Object admin = context.getService(ref);
        try {
            Class<?> api = ref.getBundle().loadClass(CONFIG_ADMIN);
            Method getConfiguration = api.getMethod("getConfiguration", String.class, String.class);
            Method getFactoryConfiguration = api.getMethod("getFactoryConfiguration", String.class, String.class,
                    String.class);
            Method update = ref.getBundle().loadClass("org.osgi.service.cm.Configuration").getMethod("update",
                    Dictionary.class);
            for (Map.Entry<String, Map<String, Object>> e : configurations.entrySet()) {
                String pid = e.getKey();
                int tilde = pid.indexOf('~');
                // "?" binds the configuration to whichever bundle uses it first (multi-location)
                Object config = tilde < 0 ? getConfiguration.invoke(admin, pid, "?")
                        : getFactoryConfiguration.invoke(admin, pid.substring(0, tilde), pid.substring(tilde + 1), "?");
                Dictionary<String, Object> props = new Hashtable<>(e.getValue());
                update.invoke(config, props);
            }
            return true;
        } finally {
            context.ungetService(ref);
        }
    }
}
