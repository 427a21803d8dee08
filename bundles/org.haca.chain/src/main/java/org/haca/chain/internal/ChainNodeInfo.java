package org.haca.chain.internal;

import org.haca.api.chain.ChainQuery;
import org.haca.api.economics.Ledger;
import org.haca.chain.internal.rpc.JsonRpc;

/** Bundle-private service: what the RPC component needs from the chain component. */
public interface ChainNodeInfo extends JsonRpc.Node {
    ChainQuery query();

    Ledger ledger();
}
