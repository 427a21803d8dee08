package org.haca.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.haca.api.economics.AccountView;
import org.haca.api.economics.InferenceRecord;
import org.haca.api.economics.Ledger;
import org.haca.api.economics.Supply;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ChainResourcesTest {
    static final String ADDR = "0x" + "ab".repeat(20);
    private final ApiServlet servlet = new ApiServlet();

    private static class FakeLedger implements Ledger {
        public Supply supply() {
            return new Supply(1000, 700, 200, 50, 50);
        }

        public Optional<AccountView> account(String address) {
            return address.equalsIgnoreCase(ADDR) ? Optional.of(new AccountView(ADDR, 5, 2, 1)) : Optional.empty();
        }

        public Optional<InferenceRecord> inference(String id) {
            return id.equals("r1") ? Optional.of(new InferenceRecord("r1", InferenceRecord.Status.VERIFIED, "TEE",
                    "tee.simulated.v1", ADDR, ADDR, 100, 90, 5, 3, 4, "all checks passed", "00")) : Optional.empty();
        }
    }

    private FakeHttp call(String uri) throws Exception {
        FakeHttp http = new FakeHttp();
        servlet.service(FakeHttp.request("GET", uri, null, new byte[0]), http.response());
        return http;
    }

    private static JsonObject json(FakeHttp http) {
        return JsonParser.parseString(new String(http.bodyText().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void supplyAccountsAndInferences() throws Exception {
        ChainResource chain = new ChainResource();
        InferenceResource inf = new InferenceResource();
        servlet.addResource(chain);
        servlet.addResource(inf);
        assertEquals(503, call("/api/v1/chain/supply").status, "no chain yet");
        chain.ledger = new FakeLedger();
        inf.ledger = chain.ledger;

        JsonObject supply = json(call("/api/v1/chain/supply"));
        assertEquals(1000, supply.get("total").getAsLong());
        assertEquals(50, supply.get("burned").getAsLong());

        JsonObject acc = json(call("/api/v1/chain/accounts/" + ADDR));
        assertEquals(5, acc.get("balance").getAsLong());
        assertEquals(404, call("/api/v1/chain/accounts/0x" + "00".repeat(20)).status);
        assertEquals(400, call("/api/v1/chain/accounts/nope").status);

        JsonObject r = json(call("/api/v1/inferences/r1"));
        assertEquals("verified", r.get("status").getAsString());
        assertEquals(true, r.get("settled").getAsBoolean());
        assertEquals(90, r.get("paidToNode").getAsLong());
        assertEquals(404, call("/api/v1/inferences/unknown").status);
        assertEquals("not_found", json(call("/api/v1/inferences/unknown")).get("error").getAsString());
        // a pending one shows why the verifier waits
        inf.ledger = new FakeLedger() {
            @Override
            public Optional<InferenceRecord> inference(String id) {
                return Optional.of(new InferenceRecord(id, InferenceRecord.Status.PENDING, "ZKML", "zk.x", ADDR, ADDR,
                        100, 0, 0, 3, 0, "", "00"));
            }
        };
        inf.verifier = new org.haca.api.chain.VerificationMonitor() {
            public Optional<String> waitingReason(String requestId) {
                return Optional.of("no ProofSystem registered for scheme 'zk.x'");
            }

            public Stats stats() {
                return null;
            }
        };
        JsonObject p = json(call("/api/v1/inferences/p1"));
        assertEquals("pending", p.get("status").getAsString());
        assertEquals("no ProofSystem registered for scheme 'zk.x'", p.get("verification").getAsString());
    }
}
