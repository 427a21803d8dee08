package org.haca.web.internal;

import org.haca.api.economics.Ledger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/chain/supply} → {@code {total, circulating, staked, escrowed, burned}} and
 * {@code GET /api/v1/chain/accounts/{addr}} → {@code {address, balance, staked, nonce}}, from the last committed state.
 */
@Component(service = ApiResource.class)
public final class ChainResource implements ApiResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Ledger ledger;

    @Override
    public String root() {
        return "chain";
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws ApiException {
        if (!"GET".equals(request.method())) {
            throw ApiException.methodNotAllowed(request.method(), request.path());
        }
        Ledger l = ledger;
        if (l == null) {
            throw new ApiException(503, "unavailable", "this node runs no chain");
        }
        var s = request.segments();
        if (s.size() == 1 && s.get(0).equals("supply")) {
            return ApiResponse.ok(l.supply());
        }
        if (s.size() == 2 && s.get(0).equals("accounts")) {
            String addr = s.get(1);
            if (!addr.matches("0[xX][0-9a-fA-F]{40}")) {
                throw ApiException.badRequest("an address is 0x followed by 40 hex digits");
            }
            return ApiResponse.ok(l.account(addr)
                    .orElseThrow(() -> ApiException.notFound("account " + addr.toLowerCase() + " never held tokens")));
        }
        throw ApiException.notFound("no resource at " + request.path());
    }
}
