package org.haca.proof.zk.internal;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haca.api.inference.InferenceException;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.ModelRejectedException;
import org.haca.api.model.Tensor;
import org.haca.api.proof.Proof;
import org.haca.api.proof.ProofException;
import org.haca.api.proof.ProofRequest;
import org.haca.api.proof.ProofSystem;
import org.haca.api.proof.Statement;
import org.haca.api.proof.VerificationContext;
import org.haca.api.proof.VerificationKeys;
import org.haca.api.proof.Verdict;
import org.haca.api.proof.Verdict.Check;
import org.haca.backend.quant.internal.QuantModel;
import org.haca.backend.quant.internal.qprog.QTensor;
import org.haca.proof.zk.internal.groth16.DevSetup;
import org.haca.proof.zk.internal.groth16.Groth16Proof;
import org.haca.proof.zk.internal.groth16.Prover;
import org.haca.proof.zk.internal.groth16.VerificationResult;
import org.haca.proof.zk.internal.groth16.Verifier;
import org.haca.proof.zk.internal.snarkjs.SnarkjsJson;
import org.haca.proof.zk.internal.snarkjs.VerificationKeyJson;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * ZKML proofs, scheme {@code zk.groth16.bn254.v1}: the inference is re-run as a circuit compiled from the quantized
 * model and proved with Groth16 over BN254, in snarkjs's formats (see docs/zkml.md).
 *
 * <p>Prove: compile (once per model), make or load the keys ({@link KeyStore}), quantize the input exactly as the
 * integer backend does, build the witness, check that it reproduces the outputs being proved, prove. Verify: the
 * pairing check under the model's trusted verification key, then that the public signals are this statement's: the
 * program commitment, the binding of (network, hashes, nonce, time) and outputs whose canonical hash is the
 * statement's output hash. Without a statement (an unbound check, {@code POST /proofs/verify} with only a proof) the
 * proof is checked under the verification key it carries.
 *
 * <p>Dev vs production: keys made by the local {@link DevSetup} are INSECURE and used only when the framework property
 * {@code haca.dev} is true; elsewhere the operator imports a ceremony {@code .zkey} and proofs under dev keys are
 * rejected.
 */
@Component(service = {ProofSystem.class, VerificationKeys.class}, property = "haca.proof.scheme=" + ZkProofSystem.SCHEME)
public final class ZkProofSystem implements ProofSystem, VerificationKeys {
    public static final String SCHEME = "zk.groth16.bn254.v1";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ModelRegistry registry;

    private final KeyStore keys;
    private final boolean dev;
    private final Prover prover = new Prover(new SecureRandom());
    private final InFlight inFlight = new InFlight();

    @Activate
    public ZkProofSystem(BundleContext context) {
        this(zkDir(context.getProperty("haca.data.dir")), "true".equals(context.getProperty("haca.dev")));
    }

    ZkProofSystem(Path keyDir, boolean dev) {
        this.dev = dev;
        this.keys = new KeyStore(keyDir, dev, new SecureRandom());
    }

    private static Path zkDir(String dataDir) {
        return (dataDir == null || dataDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "haca")
                : Path.of(dataDir)).resolve("zk");
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        inFlight.drain(60_000);
    }

    @Override
    public String schemeId() {
        return SCHEME;
    }

    @Override
    public boolean canProve() {
        return true;
    }

    @Override
    public Proof prove(ProofRequest request) throws ProofException {
        try (InFlight.Call call = inFlight.enter()) {
            Statement s = request.statement();
            ModelKeys k = keys.forProving(s.modelHash(), request.model());
            Map<String, QTensor> input = quantize(k.model(), request.inputs());
            BigInteger binding = StatementBinding.of(s);
            BigInteger[] witness = k.circuit().witness(input, binding);
            List<BigInteger> publics = new ArrayList<>();
            for (int i = 1; i <= k.layout().nPublic(); i++) {
                publics.add(witness[i]);
            }
            if (!k.layout().outputHash(publics).equals(s.outputHash())) {
                throw new ProofException("the outputs being proved are not what the quantized model computes for "
                        + "this input: ZKML results must come from the deterministic integer backend (quant)");
            }
            Groth16Proof proof = prover.prove(k.provingKey(), witness);
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("programHash", k.layout().programHash());
            attrs.put("inputCommitment", publics.get(k.layout().inputCommitmentIndex()).toString());
            attrs.put("constraints", Integer.toString(k.circuit().r1cs().constraints().size()));
            attrs.put("setup", k.setup().label);
            return new Proof(SCHEME, ZkPayload.write(k.vkJson(), proof.proofJson(), proof.publicJson()), attrs);
        } catch (IllegalArgumentException e) {
            throw new ProofException("cannot prove this inference: " + e.getMessage());
        }
    }

    private static Map<String, QTensor> quantize(QuantModel model, Map<String, Tensor> inputs) throws ProofException {
        try {
            Map<String, QTensor> q = model.quantizeInputs(inputs, Long.MAX_VALUE);
            for (Map.Entry<String, QTensor> e : q.entrySet()) {
                int[] shape = e.getValue().shape();
                if (shape.length > 0 && shape[0] != 1) {
                    throw new ProofException("ZKML proves one input at a time: input '" + e.getKey()
                            + "' has batch " + shape[0]);
                }
            }
            return q;
        } catch (InferenceException e) {
            throw new ProofException(e.getMessage());
        }
    }

    @Override
    public Verdict verify(Proof proof, Statement statement, VerificationContext context) {
        try (InFlight.Call call = inFlight.enterAlways()) {
            return check(proof, statement);
        } catch (RuntimeException e) {
            // total by contract: whatever the bytes, a verdict
            return Verdict.invalid("malformed proof: " + e.getMessage(), List.of(new Check("format", false,
                    String.valueOf(e.getMessage()))));
        }
    }

    private Verdict check(Proof proof, Statement statement) {
        List<Check> checks = new ArrayList<>();
        if (!SCHEME.equals(proof.scheme())) {
            return Verdict.invalid("proof is of scheme " + proof.scheme() + ", not " + SCHEME, checks);
        }
        ZkPayload payload;
        try {
            payload = ZkPayload.read(proof.payload());
        } catch (IllegalArgumentException e) {
            checks.add(new Check("format", false, e.getMessage()));
            return Verdict.invalid("malformed proof: " + e.getMessage(), checks);
        }
        checks.add(new Check("format", true, "snarkjs verification_key, proof and public signals"));
        if (!StatementBinding.isBound(statement)) {
            VerificationResult r = Verifier.verify(payload.verificationKey(), payload.proof(), payload.publicSignals());
            checks.add(new Check("groth16", r.valid(), r.reason()));
            return r.valid() ? new Verdict(true, "valid Groth16 proof under the verification key it carries "
                    + "(not bound to a statement)", checks) : Verdict.invalid(r.reason(), checks);
        }
        Optional<ModelKeys> trusted = keys.forVerifying(statement.modelHash());
        if (trusted.isEmpty()) {
            checks.add(new Check("verification key", false, "none trusted on this node for " + statement.modelHash()));
            return Verdict.invalid("no trusted verification key for model " + statement.modelHash() + " on this node",
                    checks);
        }
        ModelKeys k = trusted.get();
        if (k.setup() == ModelKeys.Setup.DEV_INSECURE && !dev) {
            checks.add(new Check("setup", false, DevSetup.INSECURE_NOTICE));
            return Verdict.invalid("the model's keys come from an INSECURE dev setup; rejected outside dev mode", checks);
        }
        checks.add(new Check("setup", true, k.setup() == ModelKeys.Setup.DEV_INSECURE
                ? "INSECURE dev setup, accepted only because this is a dev node" : "imported ceremony key"));
        if (!sameKey(payload.verificationKey(), SnarkjsJson.readVerificationKey(k.vkJson()))) {
            checks.add(new Check("verification key", false, "the proof carries another key"));
            return Verdict.invalid("the proof's verification key is not this model's", checks);
        }
        checks.add(new Check("verification key", true, "the model's published key"));
        VerificationResult r = Verifier.verify(k.verifyingKey(), payload.proof(), payload.publicSignals());
        checks.add(new Check("groth16", r.valid(), r.reason()));
        if (!r.valid()) {
            return Verdict.invalid(r.reason(), checks);
        }
        return checkStatement(k.layout(), payload.publicSignals(), statement, checks);
    }

    /** Same key material (the optional, derived {@code vk_alphabeta_12} is not compared). */
    static boolean sameKey(VerificationKeyJson a, VerificationKeyJson b) {
        return a.nPublic() == b.nPublic() && a.alpha1().equals(b.alpha1()) && a.beta2().equals(b.beta2())
                && a.gamma2().equals(b.gamma2()) && a.delta2().equals(b.delta2()) && a.ic().equals(b.ic());
    }

    /** The public signals must be this statement's: program, binding and outputs. */
    private static Verdict checkStatement(PublishedLayout layout, List<BigInteger> publics, Statement statement,
            List<Check> checks) {
        if (publics.size() != layout.nPublic()) {
            return Verdict.invalid("expected " + layout.nPublic() + " public signals, got " + publics.size(), checks);
        }
        BigInteger[] model = layout.modelCommit();
        boolean programOk = publics.get(layout.bindingIndex() - 2).equals(model[0])
                && publics.get(layout.bindingIndex() - 1).equals(model[1]);
        checks.add(new Check("program", programOk, "quantized program " + layout.programHash()));
        if (!programOk) {
            return Verdict.invalid("the proof is for another program", checks);
        }
        BigInteger binding;
        try {
            binding = StatementBinding.of(statement);
        } catch (IllegalArgumentException e) {
            checks.add(new Check("binding", false, e.getMessage()));
            return Verdict.invalid("statement cannot be bound: " + e.getMessage(), checks);
        }
        boolean bound = publics.get(layout.bindingIndex()).equals(binding);
        checks.add(new Check("binding", bound, "network, hashes, nonce and time"));
        if (!bound) {
            return Verdict.invalid("the proof was made for another statement (binding differs)", checks);
        }
        String outputHash;
        try {
            outputHash = layout.outputHash(publics);
        } catch (IllegalArgumentException | ArithmeticException e) {
            checks.add(new Check("outputs", false, e.getMessage()));
            return Verdict.invalid("public outputs are not int8 values", checks);
        }
        boolean outputsOk = outputHash.equals(statement.outputHash());
        checks.add(new Check("outputs", outputsOk, "canonical hash of the proved outputs " + outputHash));
        return outputsOk ? Verdict.valid(checks) : Verdict.invalid("the proved outputs are not the statement's", checks);
    }

    @Override
    public Optional<byte[]> verificationKey(String modelId) throws ProofException {
        ModelRegistry r = registry;
        if (r == null || r.find(modelId).isEmpty()) {
            Optional<ModelKeys> trusted = keys.forVerifying(modelId);
            return trusted.map(k -> k.vkJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (InFlight.Call call = inFlight.enter()) {
            byte[] onnx = r.read(modelId);
            return Optional.of(keys.forProving(modelId, onnx).vkJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ModelRejectedException | java.io.IOException e) {
            throw new ProofException("cannot read model " + modelId + ": " + e.getMessage());
        }
    }
}
