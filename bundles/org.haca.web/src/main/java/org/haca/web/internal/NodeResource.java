package org.haca.web.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.haca.api.chain.ConsensusEngine;
import org.haca.api.inference.ModelBackend;
import org.haca.api.proof.ProofSystem;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/node}: what this node is and what is plugged into it right now. The service lists are dynamic
 * references, so a plugin that is hot-deployed or removed shows up here without a restart.
 */
@Component(service = ApiResource.class)
public final class NodeResource implements ApiResource {

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ModelBackend>> backends;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Map.Entry<Map<String, Object>, ProofSystem>> proofSystems;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConsensusEngine consensus;

    private final BundleContext context;
    private final NodeIdentity identity;

    @Activate
    public NodeResource(BundleContext context) {
        this.context = context;
        this.identity = NodeIdentity.from(context::getProperty, context.getBundle().getVersion().toString());
    }

    @Override
    public String root() {
        return "node";
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws ApiException {
        if (!request.segments().isEmpty()) {
            throw ApiException.notFound("no resource at " + request.path());
        }
        if (!"GET".equals(request.method())) {
            throw ApiException.methodNotAllowed(request.method(), request.path());
        }
        return ApiResponse.ok(snapshot());
    }

    NodeInfo snapshot() {
        long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        List<NodeInfo.BundleInfo> bundles = new ArrayList<>();
        long active = 0;
        for (Bundle b : context.getBundles()) {
            String state = NodeInfo.stateName(b.getState());
            active += b.getState() == Bundle.ACTIVE ? 1 : 0;
            bundles.add(new NodeInfo.BundleInfo(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(), state,
                    b.getLocation(), b.getLastModified()));
        }
        List<NodeInfo.BackendInfo> backendInfos = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, ModelBackend> e : snapshotOf(backends)) {
            backendInfos.add(new NodeInfo.BackendInfo(e.getValue().id(), e.getValue().deterministic(),
                    bundleName(e.getKey())));
        }
        backendInfos.sort(Comparator.comparing(NodeInfo.BackendInfo::id));
        List<NodeInfo.ProofSystemInfo> proofInfos = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, ProofSystem> e : snapshotOf(proofSystems)) {
            proofInfos.add(new NodeInfo.ProofSystemInfo(e.getValue().schemeId(), e.getValue().canProve(),
                    bundleName(e.getKey())));
        }
        proofInfos.sort(Comparator.comparing(NodeInfo.ProofSystemInfo::scheme));
        ConsensusEngine engine = consensus;
        NodeInfo.ConsensusInfo consensusInfo = engine == null ? null
                : new NodeInfo.ConsensusInfo(engine.engineId(), engine.height());
        return new NodeInfo(identity.version(), identity.role(), identity.networkId(), identity.devMode(),
                Instant.ofEpochMilli(startMillis).toString(),
                Duration.ofMillis(System.currentTimeMillis() - startMillis).toSeconds(), active, bundles, backendInfos,
                proofInfos, consensusInfo);
    }

    private String bundleName(Map<String, Object> serviceProperties) {
        Object id = serviceProperties.get(Constants.SERVICE_BUNDLEID);
        Bundle b = id instanceof Long l ? context.getBundle(l) : null;
        return b == null ? null : b.getSymbolicName() + " " + b.getVersion();
    }

    private static <T> List<T> snapshotOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
