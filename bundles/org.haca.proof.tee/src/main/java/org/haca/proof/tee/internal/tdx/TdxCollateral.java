package org.haca.proof.tee.internal.tdx;

import org.haca.proof.tee.internal.Hex;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Verification collateral in the QuoteCollateralV3 JSON shape (as served by Intel PCS / PCCS and used by dcap-qvl):
 * PEM issuer chains, CRLs as hex DER, the exact {@code tcb_info} / {@code qe_identity} JSON texts and their hex
 * r ‖ s ECDSA P-256 signatures.
 */
public record TdxCollateral(String pckCrlIssuerChain, byte[] rootCaCrl, byte[] pckCrl, String tcbInfoIssuerChain,
        String tcbInfo, byte[] tcbInfoSignature, String qeIdentityIssuerChain, String qeIdentity,
        byte[] qeIdentitySignature) {

    public static TdxCollateral fromJson(JsonObject o) throws TdxFormatException {
        return new TdxCollateral(str(o, "pck_crl_issuer_chain"), hex(o, "root_ca_crl"), hex(o, "pck_crl"),
                str(o, "tcb_info_issuer_chain"), str(o, "tcb_info"), hex(o, "tcb_info_signature"),
                str(o, "qe_identity_issuer_chain"), str(o, "qe_identity"), hex(o, "qe_identity_signature"));
    }

    private static String str(JsonObject o, String k) throws TdxFormatException {
        JsonElement e = o.get(k);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new TdxFormatException("collateral field " + k + " missing or not a string");
        }
        return e.getAsString();
    }

    private static byte[] hex(JsonObject o, String k) throws TdxFormatException {
        byte[] b = Hex.decodeAnyCase(str(o, k));
        if (b == null) {
            throw new TdxFormatException("collateral field " + k + " is not hex");
        }
        return b;
    }
}
