package org.haca.proof.zk.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.haca.api.inference.InferenceException;
import org.haca.api.proof.ProofException;
import org.haca.backend.quant.internal.QuantModel;
import org.haca.proof.zk.internal.circuit.CircuitCompiler;
import org.haca.proof.zk.internal.circuit.CompiledCircuit;
import org.haca.proof.zk.internal.groth16.DevSetup;
import org.haca.proof.zk.internal.groth16.ProvingKey;
import org.haca.proof.zk.internal.groth16.VerifyingKey;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;
import org.haca.proof.zk.internal.snarkjs.Zkey;
import org.haca.proof.zk.internal.snarkjs.ZkeyFile;

/**
 * Per-model ZKML keys, made once and kept: in memory, and on disk under {@code <dir>/<modelId>/} so that proofs
 * submitted before a restart still verify after it:
 * <ul>
 * <li>{@code circuit.zkey} — the proving key (snarkjs format). An operator imports a ceremony's key by putting it
 * here; a dev node makes one with {@link DevSetup} and marks it with {@code DEV-INSECURE-SETUP};</li>
 * <li>{@code verification_key.json} — what {@code GET /models/{id}/verification_key.json} serves; a verifier-only
 * node trusts exactly the keys in this folder;</li>
 * <li>{@code layout.json} — output names, shapes and exponents and the program hash (see {@link PublishedLayout}).</li>
 * </ul>
 * Making keys for one model happens once even when many requests ask at the same time.
 */
final class KeyStore {
    static final String DEV_MARKER = "DEV-INSECURE-SETUP";
    private static final Pattern MODEL_ID = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final boolean devSetupAllowed;
    private final SecureRandom random;
    private final Map<String, ModelKeys> keys = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    KeyStore(Path dir, boolean devSetupAllowed, SecureRandom random) {
        this.dir = dir;
        this.devSetupAllowed = devSetupAllowed;
        this.random = random;
    }

    /** Keys able to prove for this model, compiling the circuit and making or loading its key on first use. */
    ModelKeys forProving(String modelId, byte[] onnx) throws ProofException {
        ModelKeys k = keys.get(checkId(modelId));
        if (k != null && k.canProve()) {
            return k;
        }
        synchronized (locks.computeIfAbsent(modelId, id -> new Object())) {
            k = keys.get(modelId);
            if (k == null || !k.canProve()) {
                k = build(modelId, onnx);
                keys.put(modelId, k);
            }
            return k;
        }
    }

    /** Keys to verify with: cached, or the trusted files in this model's folder; empty when there are none. */
    Optional<ModelKeys> forVerifying(String modelId) {
        if (!MODEL_ID.matcher(modelId).matches()) {
            return Optional.empty();
        }
        ModelKeys k = keys.get(modelId);
        if (k != null) {
            return Optional.of(k);
        }
        Path m = dir.resolve(modelId);
        try {
            if (!Files.isRegularFile(m.resolve("verification_key.json")) || !Files.isRegularFile(m.resolve("layout.json"))) {
                return Optional.empty();
            }
            String vk = Files.readString(m.resolve("verification_key.json"), StandardCharsets.UTF_8);
            PublishedLayout layout = PublishedLayout.fromJson(Files.readString(m.resolve("layout.json"), StandardCharsets.UTF_8));
            ModelKeys loaded = new ModelKeys(modelId, null, null, layout, null,
                    VerifyingKey.from(SnarkjsJson.readVerificationKey(vk)), vk, setupOf(m));
            keys.putIfAbsent(modelId, loaded);
            return Optional.of(keys.get(modelId));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable or malformed key is no key
        }
    }

    private ModelKeys build(String modelId, byte[] onnx) throws ProofException {
        QuantModel model;
        try {
            model = QuantModel.load(onnx);
        } catch (InferenceException e) {
            throw new ProofException("model " + modelId + " cannot be quantized for ZKML: " + e.getMessage());
        }
        CompiledCircuit circuit;
        try {
            circuit = CircuitCompiler.compile(model.program());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new ProofException("model " + modelId + " cannot be compiled to a circuit: " + e.getMessage());
        }
        PublishedLayout layout = PublishedLayout.of(model.programHash(), circuit.layout());
        if (circuit.r1cs().nPublic() != layout.nPublic()) {
            throw new IllegalStateException("circuit has " + circuit.r1cs().nPublic() + " public signals, layout "
                    + layout.nPublic());
        }
        Path m = dir.resolve(modelId);
        Path zkeyFile = m.resolve("circuit.zkey");
        try {
            Files.createDirectories(m);
            Zkey zkey;
            if (Files.isRegularFile(zkeyFile)) {
                zkey = ZkeyFile.read(Files.readAllBytes(zkeyFile));
                checkMatches(modelId, zkey, circuit);
            } else if (devSetupAllowed) {
                zkey = DevSetup.generate(circuit.r1cs(), random);
                Files.writeString(m.resolve(DEV_MARKER), DevSetup.INSECURE_NOTICE + "\n", StandardCharsets.UTF_8);
                atomicWrite(zkeyFile, ZkeyFile.write(zkey));
            } else {
                throw new ProofException("no proving key for model " + modelId + ": import a .zkey from a snarkjs "
                        + "ceremony as " + zkeyFile + " (local dev setup is off outside dev mode)");
            }
            ModelKeys.Setup setup = setupOf(m);
            if (setup == ModelKeys.Setup.DEV_INSECURE && !devSetupAllowed) {
                throw new ProofException("the proving key of model " + modelId + " comes from an INSECURE dev setup;"
                        + " outside dev mode only imported ceremony keys are used");
            }
            String vk = SnarkjsJson.writeVerificationKey(VerifyingKey.toJson(zkey));
            atomicWrite(m.resolve("verification_key.json"), vk.getBytes(StandardCharsets.UTF_8));
            atomicWrite(m.resolve("layout.json"), layout.toJson().getBytes(StandardCharsets.UTF_8));
            return new ModelKeys(modelId, model, circuit, layout, ProvingKey.from(zkey), VerifyingKey.from(zkey), vk,
                    setup);
        } catch (IOException e) {
            throw new ProofException("cannot store the ZK keys of model " + modelId + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ProofException("the proving key " + zkeyFile + " is unusable: " + e.getMessage());
        }
    }

    /** An imported key must be for this very circuit: same wires, public signals and a domain that fits it. */
    private static void checkMatches(String modelId, Zkey zkey, CompiledCircuit circuit) throws ProofException {
        int constraints = circuit.r1cs().constraints().size();
        if (zkey.nVars() != circuit.r1cs().nWires() || zkey.nPublic() != circuit.r1cs().nPublic()
                || zkey.domainSize() < constraints + zkey.nPublic() + 1
                || zkey.coefficients().size() == 0) {
            throw new ProofException("the .zkey of model " + modelId + " is for another circuit (nVars "
                    + zkey.nVars() + ", nPublic " + zkey.nPublic() + ", domain " + zkey.domainSize()
                    + "; the model's circuit has " + circuit.r1cs().nWires() + " wires, "
                    + circuit.r1cs().nPublic() + " public signals, " + constraints + " constraints)");
        }
    }

    private static ModelKeys.Setup setupOf(Path modelDir) {
        return Files.exists(modelDir.resolve(DEV_MARKER)) ? ModelKeys.Setup.DEV_INSECURE : ModelKeys.Setup.IMPORTED;
    }

    private static String checkId(String modelId) throws ProofException {
        if (!MODEL_ID.matcher(modelId).matches()) {
            throw new ProofException("model id must be 64 lowercase hex digits");
        }
        return modelId;
    }

    private static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
