package org.haca.proof.tee.internal.tdx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.haca.api.proof.Statement;
import org.haca.api.proof.Verdict;
import org.haca.proof.tee.internal.CheckList;
import org.haca.proof.tee.internal.Hex;
import org.haca.api.proof.TeeBinding;
import org.haca.proof.tee.internal.crypto.Certs;
import org.haca.proof.tee.internal.crypto.ChainValidator;
import org.haca.proof.tee.internal.crypto.CryptoException;
import org.haca.proof.tee.internal.crypto.Digests;
import org.haca.proof.tee.internal.crypto.Ecdsa;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Verifies an Intel TDX DCAP v4 quote with its collateral against the pinned Intel SGX Root CA, a statement, a policy
 * and a time. Pure and total.
 *
 * <p>Proof payload ({@code tee.tdx.v1}): UTF-8 JSON {@code {"quote": base64, "collateral": QuoteCollateralV3}}. Without
 * {@code collateral} only the quote checks run and the verdict is invalid ({@code collateral} check fails).
 *
 * <p>Checks: {@code format}, {@code header}, {@code pck_chain}, {@code pck_validity}, {@code qe_report_signature},
 * {@code qe_report_binding}, {@code quote_signature}, {@code debug}, {@code mrtd}, then with collateral
 * {@code root_crl}, {@code pck_crl}, {@code tcb_info}, {@code qe_identity}, {@code tcb_status}, and finally
 * {@code binding} (REPORTDATA = {@link TeeBinding}).
 */
public final class TdxVerifier {
    public static final String ROOT_SHA256 = "44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3";
    public static final String ROOT_RESOURCE = "/org/haca/proof/tee/internal/intel-sgx-root-ca.pem";
    static final List<String> STATUS_ORDER = List.of("UpToDate", "SWHardeningNeeded", "ConfigurationNeeded",
            "ConfigurationAndSWHardeningNeeded", "OutOfDate", "OutOfDateConfigurationNeeded", "Revoked");

    private final ChainValidator chains;
    private final byte[] rootDer;
    private final TdxPolicy policy;

    public TdxVerifier(ChainValidator chains, TdxPolicy policy) {
        this.chains = chains;
        this.policy = policy;
        try {
            this.rootDer = chains.root().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate pinnedRoot() {
        return Certs.loadPinned(TdxVerifier.class, ROOT_RESOURCE, ROOT_SHA256);
    }

    /** The proof payload for a quote and optional collateral JSON object. */
    public static byte[] payload(byte[] quote, JsonObject collateral) {
        JsonObject o = new JsonObject();
        o.addProperty("quote", Base64.getEncoder().encodeToString(quote));
        if (collateral != null) {
            o.add("collateral", collateral);
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    public Verdict verify(byte[] payload, Statement statement, Instant at) {
        CheckList checks = new CheckList();
        try {
            byte[] quoteBytes;
            TdxCollateral collateral = null;
            TdxQuote quote;
            try {
                if (payload == null || payload.length > 1 << 20) {
                    throw new TdxFormatException("payload missing or larger than 1 MiB");
                }
                JsonElement e = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
                if (!e.isJsonObject() || !e.getAsJsonObject().has("quote")) {
                    throw new TdxFormatException("payload must be a JSON object with a base64 quote");
                }
                quoteBytes = Base64.getDecoder().decode(e.getAsJsonObject().get("quote").getAsString());
                JsonElement c = e.getAsJsonObject().get("collateral");
                if (c != null && !c.isJsonNull()) {
                    if (!c.isJsonObject()) {
                        throw new TdxFormatException("collateral must be an object");
                    }
                    collateral = TdxCollateral.fromJson(c.getAsJsonObject());
                }
                quote = TdxQuote.parse(quoteBytes);
            } catch (TdxFormatException ex) {
                checks.fail("format", ex.getMessage());
                return checks.verdict();
            } catch (RuntimeException ex) {
                checks.fail("format", "malformed payload: " + ex.getClass().getSimpleName());
                return checks.verdict();
            }
            checks.pass("format", "TDX quote v" + quote.version() + (quote.trailingBytes() > 0
                    ? ", " + quote.trailingBytes() + " unsigned trailing bytes ignored" : ""));
            verifyQuote(quote, collateral, at, checks);
            checkBinding(quote.reportData(), statement, checks);
            return checks.verdict();
        } catch (RuntimeException e) {
            checks.fail("internal", "verification aborted: " + e.getClass().getSimpleName());
            return checks.verdict();
        }
    }

    void verifyQuote(TdxQuote q, TdxCollateral col, Instant at, CheckList checks) {
        boolean headerOk = q.version() == 4 && q.attestationKeyType() == 2 && q.teeType() == 0x81
                && Arrays.equals(q.qeVendorId(), TdxQuote.INTEL_QE_VENDOR);
        checks.add("header", headerOk, "version " + q.version() + ", key type " + q.attestationKeyType()
                + " (2 = ECDSA P-256), TEE type 0x" + Long.toHexString(q.teeType()) + " (0x81 = TDX), QE vendor "
                + Hex.encode(q.qeVendorId()));

        // PCK chain from the quote: PEM leaf, PCK Platform/Processor CA, Intel SGX Root CA
        List<X509Certificate> pem = null;
        ChainValidator.Validated pck = null;
        try {
            pem = strictPemChain(q.pckChainPem());
            if (pem.size() != 3) {
                throw new CryptoException("PCK chain must hold leaf, intermediate and root (got " + pem.size() + ")");
            }
            if (!Arrays.equals(pem.get(2).getEncoded(), rootDer)) {
                throw new CryptoException("PCK chain root is not the pinned Intel SGX Root CA");
            }
            pck = chains.validate(List.of(pem.get(0).getEncoded(), pem.get(1).getEncoded()));
            checks.pass("pck_chain", "PCK leaf " + pem.get(0).getSubjectX500Principal().getName() + " → "
                    + pem.get(1).getSubjectX500Principal().getName() + " → pinned Intel SGX Root CA (sha256 "
                    + ROOT_SHA256 + ")");
        } catch (CryptoException | java.security.cert.CertificateEncodingException e) {
            checks.fail("pck_chain", e.getMessage());
        }
        if (pck != null) {
            checks.add("pck_validity", pck.validAt(at), (pck.validAt(at) ? "valid at " : "not valid at ") + at
                    + "; chain window " + pck.window());
        } else {
            checks.fail("pck_validity", "no verified PCK chain");
        }
        boolean qeSig = pck != null && pck.leafKey().getParameters().getN().bitLength() == 256 && Ecdsa.verifyRaw(
                pck.leafKey(), Digests.sha256(q.qeReport()), q.qeReportSignature());
        checks.add("qe_report_signature", qeSig, qeSig ? "QE report signed by the PCK key"
                : "QE report signature does not verify with the PCK key");

        byte[] expected = Digests.sha256(q.attestationKey(), q.qeAuthData());
        byte[] rd = q.qeReportData();
        boolean bindOk = MessageDigest.isEqual(Arrays.copyOf(rd, 32), expected)
                && Arrays.equals(Arrays.copyOfRange(rd, 32, 64), new byte[32]);
        checks.add("qe_report_binding", bindOk, bindOk
                ? "QE report data = SHA-256(attestation key ‖ QE auth data) ‖ 0^32"
                : "QE report data does not bind the attestation key");

        boolean quoteSig;
        try {
            ECPublicKeyParameters ak = Ecdsa.p256Raw(q.attestationKey());
            quoteSig = Ecdsa.verifyRaw(ak, Digests.sha256(q.signedData()), q.signature());
        } catch (CryptoException e) {
            quoteSig = false;
        }
        checks.add("quote_signature", quoteSig, quoteSig ? "header ‖ TD report signed by the attestation key"
                : "quote signature does not verify with the attestation key");

        checks.add("debug", !q.debug() || policy.allowDebug(), q.debug() ? "debug TD (TD_ATTRIBUTES.DEBUG set)"
                + (policy.allowDebug() ? " allowed by policy" : " rejected by policy") : "production TD (debug bit 0)");
        String mrtd = Hex.encode(q.mrTd());
        boolean mrtdOk = policy.allowedMrtd().contains(mrtd);
        checks.add("mrtd", mrtdOk, mrtdOk ? "MRTD " + mrtd + " allowed" : policy.allowedMrtd().isEmpty()
                ? "no MRTD allow-list configured" : "MRTD " + mrtd + " not allowed");

        if (col == null) {
            checks.fail("collateral", "no collateral: CRLs and TCB status cannot be checked");
            return;
        }
        X509Certificate leaf = pem != null && pem.size() == 3 ? pem.get(0) : null;
        X509Certificate inter = pem != null && pem.size() == 3 ? pem.get(1) : null;
        checkCrls(col, leaf, inter, at, checks);
        PckExtension ext = null;
        if (leaf != null) {
            try {
                ext = PckExtension.of(leaf);
            } catch (TdxFormatException e) {
                checks.fail("pck_extension", e.getMessage());
            }
        }
        JsonObject tcbInfo = signedJson("tcb_info", col.tcbInfo(), col.tcbInfoSignature(), col.tcbInfoIssuerChain(),
                at, checks, "TDX", 3, ext);
        JsonObject qeId = signedJson("qe_identity", col.qeIdentity(), col.qeIdentitySignature(),
                col.qeIdentityIssuerChain(), at, checks, "TD_QE", 2, null);
        if (tcbInfo == null || qeId == null || ext == null) {
            checks.fail("tcb_status", "TCB status unknown (collateral or PCK extension unusable)");
            return;
        }
        tcbStatus(q, ext, tcbInfo, qeId, checks);
    }

    private void checkCrls(TdxCollateral col, X509Certificate leaf, X509Certificate inter, Instant at,
            CheckList checks) {
        try {
            X509CRL rootCrl = Certs.parseCrl(col.rootCaCrl());
            verifyCrl(rootCrl, chains.root(), at);
            if (inter != null && rootCrl.getRevokedCertificate(inter.getSerialNumber()) != null) {
                throw new CryptoException("PCK intermediate CA is revoked");
            }
            checks.pass("root_crl", "signed by the Intel SGX Root CA, current at " + at + ", intermediate not revoked");
        } catch (CryptoException e) {
            checks.fail("root_crl", e.getMessage());
        }
        try {
            if (leaf == null || inter == null) {
                throw new CryptoException("no PCK chain to check against");
            }
            X509CRL pckCrl = Certs.parseCrl(col.pckCrl());
            verifyCrl(pckCrl, inter, at);
            if (pckCrl.getRevokedCertificate(leaf.getSerialNumber()) != null) {
                throw new CryptoException("PCK certificate " + leaf.getSerialNumber().toString(16) + " is revoked");
            }
            int n = pckCrl.getRevokedCertificates() == null ? 0 : pckCrl.getRevokedCertificates().size();
            checks.pass("pck_crl", "signed by " + inter.getSubjectX500Principal().getName() + ", current at " + at
                    + ", " + n + " entries, PCK certificate not revoked");
        } catch (CryptoException e) {
            checks.fail("pck_crl", e.getMessage());
        }
    }

    private static void verifyCrl(X509CRL crl, X509Certificate issuer, Instant at) throws CryptoException {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new CryptoException("CRL issuer " + crl.getIssuerX500Principal().getName() + " is not "
                    + issuer.getSubjectX500Principal().getName());
        }
        boolean sig;
        try {
            sig = ChainValidator.verifyTbs(crl.getSigAlgOID(), crl.getTBSCertList(), crl.getSignature(),
                    Ecdsa.fromSpki(issuer.getPublicKey().getEncoded()));
        } catch (java.security.cert.CRLException e) {
            sig = false;
        }
        if (!sig) {
            throw new CryptoException("CRL signature does not verify");
        }
        long t = at.toEpochMilli();
        if (crl.getNextUpdate() == null || t < crl.getThisUpdate().getTime() || t > crl.getNextUpdate().getTime()) {
            throw new CryptoException("CRL not current at " + at + " (thisUpdate " + crl.getThisUpdate().toInstant()
                    + ", nextUpdate " + (crl.getNextUpdate() == null ? "none" : crl.getNextUpdate().toInstant()) + ")");
        }
    }

    /** Verifies a signed Intel JSON collateral item; returns its parsed object or null (after a failed check). */
    private JsonObject signedJson(String name, String json, byte[] sig, String issuerChainPem, Instant at,
            CheckList checks, String id, int version, PckExtension ext) {
        try {
            List<X509Certificate> chain = Certs.parsePemChain(issuerChainPem);
            if (chain.size() != 2 || !Arrays.equals(chain.get(1).getEncoded(), rootDer)) {
                throw new CryptoException("issuer chain must be the TCB Signing certificate and the pinned root");
            }
            ChainValidator.Validated v = chains.validate(List.of(chain.get(0).getEncoded()));
            if (!v.validAt(at)) {
                throw new CryptoException("TCB Signing certificate not valid at " + at + "; window " + v.window());
            }
            if (!Ecdsa.verifyRaw(v.leafKey(), Digests.sha256(json.getBytes(StandardCharsets.UTF_8)), sig)) {
                throw new CryptoException("signature does not verify with the TCB Signing key");
            }
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            if (!id.equals(o.get("id").getAsString()) || o.get("version").getAsInt() != version) {
                throw new CryptoException("expected id " + id + " version " + version);
            }
            Instant issue = Instant.parse(o.get("issueDate").getAsString());
            Instant next = Instant.parse(o.get("nextUpdate").getAsString());
            if (at.isBefore(issue) || at.isAfter(next)) {
                throw new CryptoException("not current at " + at + " (issued " + issue + ", next update " + next + ")");
            }
            if (ext != null) {
                if (!o.get("fmspc").getAsString().equalsIgnoreCase(Hex.encode(ext.fmspc()))
                        || !o.get("pceId").getAsString().equalsIgnoreCase(Hex.encode(ext.pceId()))) {
                    throw new CryptoException("FMSPC/PCE-ID " + o.get("fmspc").getAsString() + "/"
                            + o.get("pceId").getAsString() + " do not match the PCK certificate "
                            + Hex.encode(ext.fmspc()) + "/" + Hex.encode(ext.pceId()));
                }
            }
            checks.pass(name, id + " v" + version + " signed by Intel SGX TCB Signing, current at " + at
                    + " (next update " + next + ")");
            return o;
        } catch (CryptoException e) {
            checks.fail(name, e.getMessage());
        } catch (java.security.cert.CertificateEncodingException | RuntimeException e) {
            checks.fail(name, "malformed " + name + ": " + e.getClass().getSimpleName());
        }
        return null;
    }

    private void tcbStatus(TdxQuote q, PckExtension ext, JsonObject tcbInfo, JsonObject qeId, CheckList checks) {
        try {
            List<String> notes = new ArrayList<>();
            // QE identity
            String qeStatus = null;
            boolean qeMatch = Arrays.equals(Hex.decodeAnyCase(qeId.get("mrsigner").getAsString()), q.qeMrSigner())
                    && qeId.get("isvprodid").getAsInt() == q.qeIsvProdId()
                    && masked(q.qeMiscselect(), qeId, "miscselect", "miscselectMask", true)
                    && masked(q.qeAttributes(), qeId, "attributes", "attributesMask", false);
            if (qeMatch) {
                for (JsonElement l : qeId.getAsJsonArray("tcbLevels")) {
                    JsonObject lo = l.getAsJsonObject();
                    if (q.qeIsvSvn() >= lo.getAsJsonObject("tcb").get("isvsvn").getAsInt()) {
                        qeStatus = lo.get("tcbStatus").getAsString();
                        break;
                    }
                }
            }
            if (qeStatus == null) {
                checks.fail("tcb_status", qeMatch ? "QE isvsvn " + q.qeIsvSvn() + " below every QE identity level"
                        : "QE report does not match the QE identity (mrsigner, isvprodid, miscselect, attributes)");
                return;
            }
            notes.add("QE isvsvn " + q.qeIsvSvn() + " " + qeStatus);

            // TDX module (SEAM) identity
            byte[] tee = q.teeTcbSvn();
            JsonObject mod = tcbInfo.getAsJsonObject("tdxModule");
            if (mod != null && (!Arrays.equals(Hex.decodeAnyCase(mod.get("mrsigner").getAsString()), q.mrSignerSeam())
                    || !maskedEq(q.seamAttributes(), mod.get("attributes").getAsString(),
                            mod.get("attributesMask").getAsString()))) {
                checks.fail("tcb_status", "TDX module MRSIGNERSEAM/attributes do not match the TCB info");
                return;
            }
            int start = 0;
            String moduleStatus = null;
            int moduleVersion = tee[1] & 0xff;
            if (moduleVersion > 0) {
                start = 2;
                String mid = String.format(Locale.ROOT, "TDX_%02d", moduleVersion);
                JsonArray ids = tcbInfo.getAsJsonArray("tdxModuleIdentities");
                JsonObject ident = null;
                if (ids != null) {
                    for (JsonElement e : ids) {
                        if (mid.equalsIgnoreCase(e.getAsJsonObject().get("id").getAsString())) {
                            ident = e.getAsJsonObject();
                        }
                    }
                }
                if (ident == null) {
                    checks.fail("tcb_status", "no TDX module identity " + mid + " in the TCB info");
                    return;
                }
                for (JsonElement l : ident.getAsJsonArray("tcbLevels")) {
                    JsonObject lo = l.getAsJsonObject();
                    if ((tee[0] & 0xff) >= lo.getAsJsonObject("tcb").get("isvsvn").getAsInt()) {
                        moduleStatus = lo.get("tcbStatus").getAsString();
                        break;
                    }
                }
                if (moduleStatus == null) {
                    checks.fail("tcb_status", "TDX module " + mid + " isvsvn " + (tee[0] & 0xff)
                            + " below every module level");
                    return;
                }
                notes.add("module " + mid + " isvsvn " + (tee[0] & 0xff) + " " + moduleStatus);
            }

            // platform TCB level: first level (highest first) that the PCK components, PCESVN and TEE_TCB_SVN reach
            JsonObject level = null;
            for (JsonElement l : tcbInfo.getAsJsonArray("tcbLevels")) {
                JsonObject tcb = l.getAsJsonObject().getAsJsonObject("tcb");
                JsonArray sgx = tcb.getAsJsonArray("sgxtcbcomponents");
                JsonArray tdx = tcb.getAsJsonArray("tdxtcbcomponents");
                if (sgx.size() != 16 || tdx.size() != 16) {
                    throw new IllegalArgumentException("TCB level must list 16 SGX and 16 TDX components");
                }
                boolean ok = ext.pceSvn() >= tcb.get("pcesvn").getAsInt();
                for (int i = 0; i < 16 && ok; i++) {
                    ok = ext.sgxTcbComponents()[i] >= sgx.get(i).getAsJsonObject().get("svn").getAsInt();
                }
                for (int i = start; i < 16 && ok; i++) {
                    ok = (tee[i] & 0xff) >= tdx.get(i).getAsJsonObject().get("svn").getAsInt();
                }
                if (ok) {
                    level = l.getAsJsonObject();
                    break;
                }
            }
            if (level == null) {
                checks.fail("tcb_status", "no matching TCB level: PCK SGX components "
                        + Arrays.toString(ext.sgxTcbComponents()) + ", PCESVN " + ext.pceSvn() + ", TEE_TCB_SVN "
                        + Hex.encode(tee) + " reach no level of the TCB info (TCB level not supported)");
                return;
            }
            String platform = level.get("tcbStatus").getAsString();
            List<String> advisories = new ArrayList<>();
            if (level.has("advisoryIDs")) {
                level.getAsJsonArray("advisoryIDs").forEach(a -> advisories.add(a.getAsString()));
            }
            notes.add(0, "platform " + platform + " (tcbDate " + level.get("tcbDate").getAsString() + ")");
            String overall = worst(worst(platform, qeStatus), moduleStatus);
            boolean accepted = policy.acceptedTcbStatuses().contains(overall);
            checks.add("tcb_status", accepted, "TCB status " + overall + (accepted ? " accepted" : " not accepted by "
                    + "policy " + policy.acceptedTcbStatuses()) + "; " + String.join(", ", notes) + "; advisories "
                    + advisories);
        } catch (RuntimeException e) {
            checks.fail("tcb_status", "malformed TCB info or QE identity: " + e.getClass().getSimpleName());
        }
    }

    static String worst(String a, String b) {
        if (b == null) {
            return a;
        }
        int ia = STATUS_ORDER.indexOf(a);
        int ib = STATUS_ORDER.indexOf(b);
        if (ia < 0) {
            return a;
        }
        if (ib < 0) {
            return b;
        }
        return ia >= ib ? a : b;
    }

    /** miscselect is a little-endian u32 in the report and big-endian hex in the JSON; attributes are byte strings. */
    private static boolean masked(byte[] actual, JsonObject o, String valueKey, String maskKey, boolean u32) {
        byte[] v = actual.clone();
        if (u32) {
            for (int i = 0; i < 2; i++) {
                byte t = v[i];
                v[i] = v[3 - i];
                v[3 - i] = t;
            }
        }
        return maskedEq(v, o.get(valueKey).getAsString(), o.get(maskKey).getAsString());
    }

    private static boolean maskedEq(byte[] actual, String expectedHex, String maskHex) {
        byte[] e = Hex.decodeAnyCase(expectedHex);
        byte[] m = Hex.decodeAnyCase(maskHex);
        if (e == null || m == null || e.length != actual.length || m.length != actual.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if ((actual[i] & m[i]) != (e[i] & m[i])) {
                return false;
            }
        }
        return true;
    }

    static void checkBinding(byte[] reportData, Statement statement, CheckList checks) {
        byte[] expected;
        try {
            expected = TeeBinding.of(statement);
        } catch (IllegalArgumentException | NullPointerException e) {
            checks.fail("binding", "statement cannot be bound: " + e.getMessage());
            return;
        }
        boolean ok = MessageDigest.isEqual(reportData, expected);
        checks.add("binding", ok, ok ? "REPORTDATA = SHA-512 binding of the statement"
                : "binding: not HACA or another statement (REPORTDATA differs from the statement binding)");
    }

    /**
     * The PCK chain as the quote carries it, accepted only in canonical PEM (64-character base64 lines, '\n' line
     * ends), optionally followed by NUL padding: any other byte change would otherwise slip through PEM leniency.
     */
    static List<X509Certificate> strictPemChain(byte[] pem) throws CryptoException {
        int end = pem.length;
        while (end > 0 && pem[end - 1] == 0 && pem.length - end < 16) {
            end--;
        }
        String text = new String(pem, 0, end, StandardCharsets.US_ASCII);
        List<X509Certificate> certs = Certs.parsePemChain(text);
        StringBuilder canonical = new StringBuilder();
        Base64.Encoder enc = Base64.getMimeEncoder(64, new byte[] { '\n' });
        for (X509Certificate c : certs) {
            try {
                canonical.append("-----BEGIN CERTIFICATE-----\n").append(enc.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new CryptoException("unencodable certificate");
            }
        }
        if (!Arrays.equals(canonical.toString().getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pem, end))) {
            throw new CryptoException("PCK chain is not canonical PEM");
        }
        return certs;
    }

}
