package org.haca.web.internal;

import org.haca.api.chain.VerificationMonitor;
import org.haca.api.economics.InferenceRecord;
import org.haca.api.economics.Ledger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /api/v1/inferences/{requestId}}: settlement state of one inference on chain: status (PENDING, VERIFIED,
 * REJECTED, SETTLED), settled flag, fee, amount paid to the node, burn, heights, reason, and while pending why this
 * node's verifier is still waiting (for example no ProofSystem for the scheme).
 */
@Component(service = ApiResource.class)
public final class InferenceResource implements ApiResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Ledger ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile VerificationMonitor verifier;

    /** The JSON shape: the record plus the derived {@code settled} flag. */
    record View(String requestId, String status, boolean settled, String mode, String scheme, String payer, String node,
            long fee, long paidToNode, long burned, long submittedHeight, long settleHeight, String reason,
            String tx, String verification) {
        static View of(InferenceRecord r, String verification) {
            return new View(r.requestId(), r.status().name().toLowerCase(), r.settled(), r.mode(), r.scheme(),
                    r.payer(), r.node(), r.fee(), r.paidToNode(), r.burned(), r.submittedHeight(), r.settleHeight(),
                    r.reason(), r.txHash(), verification);
        }
    }

    @Override
    public String root() {
        return "inferences";
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws ApiException {
        if (!"GET".equals(request.method())) {
            throw ApiException.methodNotAllowed(request.method(), request.path());
        }
        if (request.segments().size() != 1) {
            throw ApiException.notFound("no resource at " + request.path());
        }
        Ledger l = ledger;
        if (l == null) {
            throw new ApiException(503, "unavailable", "this node runs no chain");
        }
        String id = request.segments().get(0);
        InferenceRecord r = l.inference(id)
                .orElseThrow(() -> ApiException.notFound("no inference '" + id + "' on chain"));
        VerificationMonitor v = verifier;
        String verification = r.settled() || v == null ? null : v.waitingReason(id).orElse(null);
        return ApiResponse.ok(View.of(r, verification));
    }
}
