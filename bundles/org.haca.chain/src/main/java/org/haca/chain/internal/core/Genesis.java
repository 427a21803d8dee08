package org.haca.chain.internal.core;

import java.util.List;
import java.util.Map;

/**
 * Initial state: balances, validators, pre-registered inference nodes and the treasury that receives the protocol share
 * of VANILLA and batch settlements. The genesis supply is the sum of all balances and stakes.
 */
public record Genesis(String network, Map<String, Long> balances, List<String> validators, List<GenesisNode> nodes,
        String treasury) {

    public record GenesisNode(String address, long stake, int modes) {
    }

    public Genesis {
        balances = Map.copyOf(balances);
        validators = List.copyOf(validators);
        nodes = List.copyOf(nodes);
    }
}
