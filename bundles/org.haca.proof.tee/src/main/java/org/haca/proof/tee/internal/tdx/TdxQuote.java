package org.haca.proof.tee.internal.tdx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An Intel TDX DCAP quote, version 4 (Intel TDX DCAP Quote Generation Library API, appendix "Quote Format"): 48-byte
 * header, 584-byte TD report body (TDX 1.0), then a length-prefixed signature section holding the ECDSA P-256 quote
 * signature, the attestation key, and certification data type 6 (QE report certification data) that wraps type 5
 * (PCK certificate chain, PEM). All integers little-endian. Bytes after the signature section (padding some
 * producers append) are outside every signature and are ignored; their count is reported.
 */
public record TdxQuote(byte[] header, byte[] body, byte[] signature, byte[] attestationKey, byte[] qeReport,
        byte[] qeReportSignature, byte[] qeAuthData, byte[] pckChainPem, int trailingBytes) {

    public static final int HEADER = 48;
    public static final int BODY = 584;
    public static final int QE_REPORT = 384;
    public static final byte[] INTEL_QE_VENDOR = hex("939a7233f79c4ca9940a0db3957f0607");

    public static TdxQuote parse(byte[] q) throws TdxFormatException {
        if (q == null || q.length < HEADER + BODY + 4) {
            throw new TdxFormatException("quote shorter than header + TD report + length");
        }
        if (q.length > 64 * 1024) {
            throw new TdxFormatException("quote larger than 64 KiB");
        }
        ByteBuffer b = ByteBuffer.wrap(q).order(ByteOrder.LITTLE_ENDIAN);
        byte[] header = take(b, HEADER);
        byte[] body = take(b, BODY);
        long sigLen = Integer.toUnsignedLong(b.getInt());
        if (sigLen > b.remaining()) {
            throw new TdxFormatException("signature section length " + sigLen + " exceeds the quote");
        }
        int sigEnd = b.position() + (int) sigLen;
        ByteBuffer s = ByteBuffer.wrap(q, b.position(), (int) sigLen).slice().order(ByteOrder.LITTLE_ENDIAN);
        need(s, 64 + 64 + 6, "signature section");
        byte[] signature = take(s, 64);
        byte[] attKey = take(s, 64);
        int certType = Short.toUnsignedInt(s.getShort());
        long certSize = Integer.toUnsignedLong(s.getInt());
        if (certType != 6) {
            throw new TdxFormatException("certification data type " + certType + " (expected 6, QE report)");
        }
        if (certSize != s.remaining()) {
            throw new TdxFormatException("certification data size " + certSize + " does not fill the signature section");
        }
        need(s, QE_REPORT + 64 + 2, "QE report certification data");
        byte[] qeReport = take(s, QE_REPORT);
        byte[] qeSig = take(s, 64);
        int authLen = Short.toUnsignedInt(s.getShort());
        need(s, authLen + 6, "QE authentication data");
        byte[] auth = take(s, authLen);
        int innerType = Short.toUnsignedInt(s.getShort());
        long innerSize = Integer.toUnsignedLong(s.getInt());
        if (innerType != 5) {
            throw new TdxFormatException("inner certification data type " + innerType + " (expected 5, PCK chain)");
        }
        if (innerSize != s.remaining() || innerSize == 0) {
            throw new TdxFormatException("PCK chain size " + innerSize + " does not fill the certification data");
        }
        byte[] pem = take(s, (int) innerSize);
        return new TdxQuote(header, body, signature, attKey, qeReport, qeSig, auth, pem, q.length - sigEnd);
    }

    public int version() {
        return u16(header, 0);
    }

    public int attestationKeyType() {
        return u16(header, 2);
    }

    public long teeType() {
        return Integer.toUnsignedLong(ByteBuffer.wrap(header, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    public byte[] qeVendorId() {
        return Arrays.copyOfRange(header, 12, 28);
    }

    /** header ‖ TD report body: what the attestation key signs. */
    public byte[] signedData() {
        byte[] out = Arrays.copyOf(header, HEADER + BODY);
        System.arraycopy(body, 0, out, HEADER, BODY);
        return out;
    }

    // TD report body fields
    public byte[] teeTcbSvn() {
        return Arrays.copyOfRange(body, 0, 16);
    }

    public byte[] mrSignerSeam() {
        return Arrays.copyOfRange(body, 64, 112);
    }

    public byte[] seamAttributes() {
        return Arrays.copyOfRange(body, 112, 120);
    }

    public byte[] tdAttributes() {
        return Arrays.copyOfRange(body, 120, 128);
    }

    public byte[] mrTd() {
        return Arrays.copyOfRange(body, 136, 184);
    }

    public byte[] reportData() {
        return Arrays.copyOfRange(body, 520, 584);
    }

    /** TD_ATTRIBUTES bit 0 (TUD.DEBUG). */
    public boolean debug() {
        return (body[120] & 1) != 0;
    }

    // QE report (SGX report body) fields
    public byte[] qeMiscselect() {
        return Arrays.copyOfRange(qeReport, 16, 20);
    }

    public byte[] qeAttributes() {
        return Arrays.copyOfRange(qeReport, 48, 64);
    }

    public byte[] qeMrSigner() {
        return Arrays.copyOfRange(qeReport, 128, 160);
    }

    public int qeIsvProdId() {
        return u16(qeReport, 256);
    }

    public int qeIsvSvn() {
        return u16(qeReport, 258);
    }

    public byte[] qeReportData() {
        return Arrays.copyOfRange(qeReport, 320, 384);
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8);
    }

    private static void need(ByteBuffer b, int n, String what) throws TdxFormatException {
        if (b.remaining() < n) {
            throw new TdxFormatException(what + " truncated");
        }
    }

    private static byte[] take(ByteBuffer b, int n) throws TdxFormatException {
        need(b, n, "quote");
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
