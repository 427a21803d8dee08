package org.haca.proof.tee.internal.tdx;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.haca.proof.tee.internal.Hex;
import org.haca.proof.tee.internal.Vectors;
import org.haca.proof.tee.internal.crypto.ChainValidator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The two TDX vector sets of vectors/README.md as tee.tdx.v1 payloads. */
final class TdxVectors {
    static final Instant QVL_AT = Instant.ofEpochMilli(1752919234000L);
    static final Instant GO_AT = Instant.ofEpochMilli(1688173200000L);
    static final Instant GO_FUTURE = Instant.ofEpochMilli(2634944400000L);
    static final String QVL_MRTD =
            "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7";
    static final String GO_MRTD =
            "6363b8043668a3ad953278e10389574d326c6749fb78aa810ecd9336923db86f22fc00b8dcd404bc10d5e119d7215cbb";

    private TdxVectors() {
    }

    static byte[] qvlQuote() {
        return Vectors.load("tdx/dcap-qvl/tdx_quote");
    }

    static byte[] goQuote() {
        return Vectors.load("tdx/go-tdx-guest/tdx_prod_quote_SPR_E4.dat");
    }

    static JsonObject qvlCollateral() {
        return JsonParser.parseString(new String(Vectors.load("tdx/dcap-qvl/tdx_quote_collateral.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** The go-tdx-guest files in the QuoteCollateralV3 shape; the signed JSON texts are cut out byte-exactly. */
    static JsonObject goCollateral() {
        JsonObject c = new JsonObject();
        c.addProperty("pck_crl_issuer_chain", text("tdx/go-tdx-guest/pck-crl-issuer-chain.pem"));
        c.addProperty("root_ca_crl", Hex.encode(Vectors.load("tdx/go-tdx-guest/rootcrl.der")));
        c.addProperty("pck_crl", Hex.encode(Vectors.load("tdx/go-tdx-guest/pckcrl")));
        String chain = text("tdx/go-tdx-guest/tcb-signing-issuer-chain.pem");
        String[] tcb = split(text("tdx/go-tdx-guest/sample_tcbInfo_response"), "{\"tcbInfo\":");
        String[] qe = split(text("tdx/go-tdx-guest/sample_qeIdentity_response"), "{\"enclaveIdentity\":");
        c.addProperty("tcb_info_issuer_chain", chain);
        c.addProperty("tcb_info", tcb[0]);
        c.addProperty("tcb_info_signature", tcb[1]);
        c.addProperty("qe_identity_issuer_chain", chain);
        c.addProperty("qe_identity", qe[0]);
        c.addProperty("qe_identity_signature", qe[1]);
        return c;
    }

    private static String[] split(String response, String prefix) {
        String sigKey = ",\"signature\":\"";
        int s = response.lastIndexOf(sigKey);
        String body = response.substring(prefix.length(), s);
        String sig = response.substring(s + sigKey.length(), response.indexOf('"', s + sigKey.length()));
        return new String[] { body, sig };
    }

    private static String text(String name) {
        return new String(Vectors.load(name), StandardCharsets.UTF_8);
    }

    static TdxPolicy policy() {
        return new TdxPolicy(Set.of(QVL_MRTD, GO_MRTD), Set.of("UpToDate"), false);
    }

    static TdxVerifier verifier(TdxPolicy policy) {
        return new TdxVerifier(new ChainValidator(TdxVerifier.pinnedRoot(), 64), policy);
    }
}
