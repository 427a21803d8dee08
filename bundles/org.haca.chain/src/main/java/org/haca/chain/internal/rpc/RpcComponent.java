package org.haca.chain.internal.rpc;

import java.io.IOException;

import org.haca.api.chain.ConsensusEngine;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the CometBFT-compatible JSON-RPC on {@code haca.rpc.port} (default 26657). */
@Component(immediate = true, service = {}, configurationPid = "org.haca.chain.rpc")
@Designate(ocd = RpcComponent.Config.class)
public class RpcComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RpcComponent.class);

    @ObjectClassDefinition(name = "haca chain JSON-RPC")
    public @interface Config {
        @AttributeDefinition(description = "Listen address")
        String host() default "0.0.0.0";

        @AttributeDefinition(description = "Port; -1 = the haca.rpc.port framework property (default 26657); 0 = any free port")
        int port() default -1;

        @AttributeDefinition(description = "Worker threads")
        int threads() default 8;

        @AttributeDefinition(description = "broadcast_tx_commit waits at most this long (ms)")
        long commitTimeoutMs() default 10_000;
    }

    @Reference
    org.haca.chain.internal.ChainNodeInfo chain;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConsensusEngine engine;

    private MiniHttpServer server;

    @Activate
    void activate(BundleContext ctx, Config c) throws IOException {
        int port = c.port();
        if (port < 0) {
            String p = ctx.getProperty("haca.rpc.port");
            port = p == null || p.isBlank() ? 26657 : Integer.parseInt(p.trim());
        }
        JsonRpc rpc = new JsonRpc(chain.query(), chain.ledger(), () -> engine, chain, c.commitTimeoutMs());
        server = new MiniHttpServer(c.host(), port, c.threads(), rpc::handle);
        LOG.info("CometBFT-compatible JSON-RPC listening on {}:{}", c.host(), server.port());
    }

    @Deactivate
    void deactivate() {
        server.close();
    }
}
