package org.haca.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;

import org.haca.api.inference.InferenceException;
import org.haca.api.inference.InferenceMode;
import org.haca.api.inference.InferenceRequest;
import org.haca.api.inference.InferenceResult;
import org.haca.api.inference.InferenceService;
import org.haca.api.model.DType;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.api.model.ModelRejectedException;
import org.haca.api.model.Tensor;
import org.haca.api.model.TensorSpec;
import org.haca.api.proof.Proof;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Model registry: list, upload (raw ONNX body), delete, and a test inference with output and proof summary. */
@Component(service = Servlet.class, property = {"felix.webconsole.label=haca-models",
        "felix.webconsole.title=Models", "felix.webconsole.category=" + HacaPage.CATEGORY})
public final class ModelsPage extends HacaPage {
    private static final long serialVersionUID = 1L;
    static final long DEFAULT_MAX_MODEL_BYTES = 256L << 20;
    static final int MAX_PREVIEW = 32;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ModelRegistry registry;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile InferenceService inference;

    private final long maxBytes;

    @Activate
    public ModelsPage(BundleContext context) {
        long limit = DEFAULT_MAX_MODEL_BYTES;
        String p = context.getProperty("haca.models.maxBytes");
        if (p != null && !p.isBlank()) {
            try {
                limit = Long.parseLong(p.trim());
            } catch (NumberFormatException e) {
                // keep the default
            }
        }
        this.maxBytes = limit;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getParameter("action");
        ModelRegistry reg = registry;
        String query;
        try {
            if (reg == null) {
                query = "error=" + enc("no model registry on this node");
            } else if ("upload".equals(action)) {
                String name = Optional.ofNullable(request.getParameter("name")).filter(s -> !s.isBlank())
                        .orElse("model.onnx");
                if (request.getContentLengthLong() > maxBytes) {
                    response.sendError(413, "model larger than " + maxBytes + " bytes");
                    return;
                }
                try (InputStream in = request.getInputStream()) {
                    ModelDescriptor d = reg.store(name, in, maxBytes);
                    query = "msg=" + enc("stored " + d.name() + " as " + d.id());
                }
            } else if ("delete".equals(action)) {
                String id = request.getParameter("id");
                boolean deleted = id != null && reg.delete(id);
                query = deleted ? "msg=" + enc("deleted " + id) : "error=" + enc("no model " + id);
            } else if ("infer".equals(action)) {
                query = infer(reg, request);
            } else {
                query = "error=" + enc("unknown action " + action);
            }
        } catch (ModelRejectedException e) {
            query = "error=" + enc("model rejected: " + e.getMessage());
        } catch (IOException e) {
            query = "error=" + enc("I/O error: " + e.getMessage());
        }
        redirect(request, response, query);
    }

    private String infer(ModelRegistry reg, HttpServletRequest request) {
        InferenceService svc = inference;
        String id = request.getParameter("id");
        if (svc == null) {
            return "error=" + enc("no inference service on this node");
        }
        Optional<ModelDescriptor> d = id == null ? Optional.empty() : reg.find(id);
        if (d.isEmpty()) {
            return "error=" + enc("no model " + id);
        }
        try {
            InferenceMode mode = InferenceMode.valueOf(
                    Optional.ofNullable(request.getParameter("mode")).orElse("VANILLA").toUpperCase(Locale.ROOT));
            Map<String, Tensor> inputs = new LinkedHashMap<>();
            int i = 0;
            for (TensorSpec spec : d.get().inputs()) {
                inputs.put(spec.name(), parseTensor(spec, request.getParameter("shape" + i),
                        request.getParameter("values" + i)));
                i++;
            }
            String backend = request.getParameter("backend");
            InferenceResult r = svc.infer(new InferenceRequest(d.get().id(), mode,
                    backend == null || backend.isBlank() ? null : backend, inputs, nonce()));
            RecentInferences.add(r);
            return "result=" + enc(r.requestId());
        } catch (InferenceException | IllegalArgumentException e) {
            return "error=" + enc("inference failed: " + e.getMessage());
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh 16-byte nonce in lowercase hex (binds TEE attestations to this request). */
    static String nonce() {
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        return HexFormat.of().formatHex(n);
    }

    /** Parses "1,784" and "0.1 0.2 ..." (one value is broadcast to every element) into a tensor of the spec's type. */
    static Tensor parseTensor(TensorSpec spec, String shapeText, String valuesText) {
        long[] shape;
        if (shapeText == null || shapeText.isBlank()) {
            shape = defaultShape(spec);
        } else {
            shape = Arrays.stream(shapeText.trim().split("[,\\s]+")).mapToLong(Long::parseLong).toArray();
        }
        long n = Tensor.elementCount(shape);
        if (n > 16_000_000) {
            throw new IllegalArgumentException("input " + spec.name() + " too large: " + n + " elements");
        }
        String[] parts = valuesText == null || valuesText.isBlank() ? new String[] {"0"}
                : valuesText.trim().replace("[", "").replace("]", "").split("[,\\s]+");
        if (parts.length != 1 && parts.length != n) {
            throw new IllegalArgumentException("input " + spec.name() + " needs " + n + " values (or one to repeat), got "
                    + parts.length);
        }
        double[] v = new double[(int) n];
        for (int k = 0; k < n; k++) {
            v[k] = Double.parseDouble(parts[parts.length == 1 ? 0 : k]);
        }
        ByteBuffer b = ByteBuffer.allocate((int) (n * spec.dtype().byteSize())).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            switch (spec.dtype()) {
                case FLOAT32 -> b.putFloat((float) x);
                case INT8 -> b.put((byte) Math.max(-128, Math.min(127, Math.round(x))));
                case INT32 -> b.putInt((int) Math.round(x));
                case INT64 -> b.putLong(Math.round(x));
            }
        }
        return Tensor.ofBytes(spec.dtype(), shape, b.array());
    }

    static long[] defaultShape(TensorSpec spec) {
        return spec.shape().stream().mapToLong(d -> d < 0 ? 1 : d).toArray();
    }

    @Override
    String render(HttpServletRequest request) {
        ModelRegistry reg = registry;
        Optional<InferenceResult> result = Optional.ofNullable(request.getParameter("result"))
                .flatMap(RecentInferences::find);
        String selected = request.getParameter("id");
        return render(reg == null ? null : reg.list(), inference != null, request.getParameter("msg"),
                request.getParameter("error"), result.orElse(null), selected);
    }

    static String render(List<ModelDescriptor> models, boolean canInfer, String msg, String error,
            InferenceResult result, String selected) {
        Html h = new Html();
        h.message(msg, false).message(error, true);
        if (result != null) {
            renderResult(h, result);
        }
        if (models == null) {
            return h.message("No model registry on this node (full nodes do not run models).", false).toString();
        }
        h.h2("Upload a model");
        h.raw("<form id='haca-upload' onsubmit='return hacaUpload(this)'><input type='file' name='file' accept='.onnx' "
                + "required> <button type='submit'>Upload</button> <span id='haca-upload-status'></span></form>");
        h.raw("<script>function hacaUpload(f){var file=f.file.files[0];if(!file)return false;"
                + "var s=document.getElementById('haca-upload-status');s.textContent='uploading '+file.size+' bytes\u2026';"
                + "fetch(location.pathname+'?action=upload&name='+encodeURIComponent(file.name),{method:'POST',"
                + "headers:{'Content-Type':'application/octet-stream'},body:file,redirect:'follow'})"
                + ".then(function(r){if(r.redirected){location.href=r.url;}else{s.textContent='failed: HTTP '+r.status;}})"
                + ".catch(function(e){s.textContent='failed: '+e;});return false;}</script>");
        h.h2("Models");
        List<List<?>> rows = new ArrayList<>();
        for (ModelDescriptor d : models) {
            String actions = "<form method='post' style='display:inline'><input type='hidden' name='action' value='delete'>"
                    + "<input type='hidden' name='id' value='" + Html.esc(d.id()) + "'><button type='submit' "
                    + "onclick=\"return confirm('Delete this model?')\">Delete</button></form> "
                    + (canInfer ? "<a href='?id=" + Html.esc(d.id()) + "#haca-infer'>Test inference</a>" : "");
            rows.add(List.of(d.name(), new Html.Raw("<code>" + Html.esc(d.id()) + "</code>"), d.size(),
                    specs(d.inputs()), specs(d.outputs()), d.storedAt().toString(), new Html.Raw(actions)));
        }
        h.table("haca-models", List.of("Name", "Id (SHA-256)", "Size", "Inputs", "Outputs", "Stored", "Actions"), rows,
                "No model stored yet; upload an ONNX file above.");
        if (canInfer && !models.isEmpty()) {
            ModelDescriptor d = models.stream().filter(m -> m.id().equals(selected)).findFirst().orElse(models.get(0));
            renderInferForm(h, d, models);
        }
        return h.toString();
    }

    private static void renderInferForm(Html h, ModelDescriptor d, List<ModelDescriptor> models) {
        h.h2("Test inference");
        h.raw("<form id='haca-infer' method='get'>Model <select name='id' onchange='this.form.submit()'>");
        for (ModelDescriptor m : models) {
            h.raw("<option value='" + Html.esc(m.id()) + "'" + (m.id().equals(d.id()) ? " selected" : "") + ">")
                    .text(m.name() + " (" + m.id().substring(0, Math.min(12, m.id().length())) + ")").raw("</option>");
        }
        h.raw("</select></form>");
        h.raw("<form id='haca-infer-run' method='post'><input type='hidden' name='action' value='infer'>"
                + "<input type='hidden' name='id' value='" + Html.esc(d.id()) + "'><table class='nicetable'>");
        h.raw("<tr><th style='text-align:left'>Mode</th><td><select name='mode'>");
        for (InferenceMode m : InferenceMode.values()) {
            h.raw("<option>").text(m.name()).raw("</option>");
        }
        h.raw("</select> backend <input name='backend' placeholder='automatic' size='16'></td></tr>");
        int i = 0;
        for (TensorSpec s : d.inputs()) {
            h.raw("<tr><th style='text-align:left'>").text(s.name() + " " + s.dtype() + " " + s.shape()).raw("</th><td>")
                    .raw("shape <input name='shape" + i + "' size='16' value='")
                    .text(String.join(",", Arrays.stream(defaultShape(s)).mapToObj(Long::toString).toList()))
                    .raw("'><br><textarea name='values" + i + "' rows='3' cols='80' "
                            + "placeholder='comma separated values; one value is repeated'>0.5</textarea></td></tr>");
            i++;
        }
        h.raw("</table><button type='submit'>Run inference</button></form>");
    }

    private static void renderResult(Html h, InferenceResult r) {
        h.h2("Inference result");
        Map<String, Object> kv = new LinkedHashMap<>();
        kv.put("Request id", r.requestId());
        kv.put("Model", r.modelId());
        kv.put("Mode", r.mode());
        kv.put("Backend", r.backend());
        kv.put("Model hash", r.modelHash());
        kv.put("Input hash", r.inputHash());
        kv.put("Output hash", r.outputHash());
        kv.put("Transaction", r.txHash() == null ? "none" : r.txHash());
        Proof p = r.proof();
        kv.put("Proof", p == null ? "none (VANILLA: settles after the challenge window)"
                : p.scheme() + ", " + p.size() + " bytes");
        if (p != null) {
            p.attributes().forEach((k, v) -> kv.put("proof." + k, v));
            byte[] payload = p.payload();
            kv.put("Proof payload (head)", HexFormat.of().formatHex(Arrays.copyOf(payload, Math.min(32, payload.length)))
                    + (payload.length > 32 ? "\u2026" : ""));
        }
        h.keyValues("haca-result", kv);
        List<List<?>> rows = new ArrayList<>();
        r.outputs().forEach((name, t) -> rows.add(List.of(name, t.dtype(), Arrays.toString(t.shape()), preview(t))));
        h.table("haca-outputs", List.of("Output", "Type", "Shape", "Values"), rows, "No outputs.");
        h.raw("<p><a href='haca-verification?requestId=" + Html.esc(enc(r.requestId())) + "'>Follow verification</a> \u00b7 "
                + "<a href='haca-economics'>Economics</a></p>");
    }

    static String preview(Tensor t) {
        StringBuilder sb = new StringBuilder("[");
        long n = t.elementCount();
        int shown = (int) Math.min(n, MAX_PREVIEW);
        ByteBuffer b = ByteBuffer.wrap(t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            switch (t.dtype()) {
                case FLOAT32 -> sb.append(String.format(Locale.ROOT, "%.6g", b.getFloat()));
                case INT8 -> sb.append(b.get());
                case INT32 -> sb.append(b.getInt());
                case INT64 -> sb.append(b.getLong());
            }
        }
        if (n > shown) {
            sb.append(", \u2026 (").append(n).append(" values)");
        }
        return sb.append(']').toString();
    }

    private static String specs(List<TensorSpec> specs) {
        List<String> out = new ArrayList<>();
        for (TensorSpec s : specs) {
            out.add(s.name() + " " + s.dtype().name().toLowerCase(Locale.ROOT) + s.shape());
        }
        return String.join("; ", out);
    }

    static DType[] types() {
        return DType.values();
    }
}
