package org.haca.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.haca.api.model.ModelDescriptor;
import org.haca.api.model.ModelRegistry;
import org.haca.onnx.testmodels.TestModels;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** The haca Gogo commands run through the real shell runtime, as an operator would type them. */
@ExtendWith(ServiceExtension.class)
class ShellCommandsTest {

    private static String run(CommandProcessor processor, String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), ps, ps);
        try {
            Object result = session.execute(line);
            return result == null ? out.toString(StandardCharsets.UTF_8) : String.valueOf(result);
        } finally {
            session.close();
        }
    }

    @Test
    void nodeCommandShowsRoleAndNetwork(@InjectService CommandProcessor processor) throws Exception {
        String text = run(processor, "haca:node");
        assertTrue(text.contains("role") && text.contains("dev-node"), text);
        assertTrue(text.contains("haca-itest"), text);
        assertTrue(text.matches("(?s).*bundles\\s+\\d+ active of \\d+.*"), text);
    }

    @Test
    void pluginsCommandSaysWhatIsMissingInsteadOfFailing(@InjectService CommandProcessor processor) throws Exception {
        String plugins = run(processor, "haca:plugins");
        assertTrue(plugins.startsWith("kind") || plugins.startsWith("no model backends"), plugins);
        String supply = run(processor, "haca:supply");
        assertTrue(supply.startsWith("kind") || supply.equals("no ledger installed"), supply);
        assertEquals(false, run(processor, "haca:models").isBlank());
    }

    @Test
    void inferCommandRunsAnInferenceThroughTheEngine(@InjectService CommandProcessor processor,
            @InjectService ModelRegistry registry) throws Exception {
        ModelDescriptor d = registry.store("itest-shell-mlp", new ByteArrayInputStream(TestModels.mlp()), 16 << 20);
        String text = run(processor, "haca:infer itest-shell-mlp VANILLA random:3");
        assertTrue(text.contains(d.id()), text);
        assertTrue(text.contains("VANILLA / onnxruntime"), text);
        assertTrue(text.matches("(?s).*output " + TestModels.OUTPUT + "\\s+\\[1, 10\\] \\[.*argmax \\d.*"), text);
        // the same seed gives the same input, so the same output hash
        String again = run(processor, "haca:infer " + d.id() + " VANILLA random:3");
        assertEquals(hash(text), hash(again));
        assertTrue(run(processor, "haca:infer no-such-model").startsWith("no model with id or name"));
    }

    private static String hash(String summary) {
        for (String line : summary.split("\n")) {
            if (line.startsWith("output hash")) {
                return line.substring("output hash".length()).trim();
            }
        }
        throw new AssertionError("no output hash in " + summary);
    }
}
